"""The question bank: data/ loaded (coach.bank.load), checked (coach.bank.validate), modelled
(coach.bank.model). Importing this package reads nothing from disk."""
