"""The parts screens are built from: question fields, the assessment's steps, rows."""
