"""The one model of an assessment in progress, shared by the TUI and quick mode.

No UI and no language of its own: it holds data and answers with ids and bank texts
(`LText`), and each face words them. A draft started in one face resumes in the other.

- `draft`     the answers being built, by scope (profile or a platform entry), parking
- `entries`   platform entries: keys ("other:1"), bank order, the "Other" slot
- `paths`     where a question's answer lives in its entry (`Question.key`)
- `applies`   which questions apply (platforms, professional only, `when` conditions)
- `choices`   what a choice question offers
- `final`     the answers the engine gets (preview and finish), defaults and all
- `position`  where the user is: one versioned schema, and the migration of the old two
- `walk`      the questions as one line (quick mode), mapped onto the position
- `stages`    the TUI's pages, and which platform page comes next
- `session`   draft + position + saving, what a face holds

What "professional" means lives in the bank (coach.bank.reasons), where the engine
reads it too.
"""

from coach.assessment.draft import Draft, Scope
from coach.assessment.position import Position
from coach.assessment.session import Session

__all__ = ["Draft", "Position", "Scope", "Session"]
