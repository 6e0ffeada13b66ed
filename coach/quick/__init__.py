"""Quick mode: the questionnaire asked line by line (questionary), then the plan.

Split in three so the logic can be tested, and shared, without a terminal:
`walker` (pure: which question comes next, given the answers so far), `prompts`
(a thin questionary layer: one function per question type, with "back"), and
`session` (the flow: client, resume, save every answer, plan, report file).
Nothing here is imported by commands other than `coach quick`.
"""
