"""The routine's sentences: one per activity of data/routines.toml, in the plan's language.

Which activities a place holds and how long they take are the bank's (routines.toml);
how each is said is here, whole sentences per case so French reads as French (no
sentence glued from pieces that would need an article or an elision to agree).
"""

from __future__ import annotations

from typing import NamedTuple

from coach.i18n import Translator

# Activities whose piece can be spread over weeks when a week's time is shorter than one
# piece ("one video every 3 weeks"); the others are done at least once a week.
SPREAD = frozenset({"start_thread", "publish_post", "publish_video", "short_video",
                    "newsletter_issue", "write_article", "live_session", "referrer_talks",
                    "call_for_volunteers", "donation_ask"})


class Said(NamedTuple):
    """What a sentence needs to know about the channel and the person."""

    loc: str            # where: 'in the group “X”', 'on LinkedIn'
    in_space: bool      # loc names a space (else it is the platform)
    place: str          # the space itself: 'the list “X”' (the platform when none)
    platform: str       # the platform's name in a sentence
    audience: str       # the first priority audience, as a plural noun
    editorial_line: bool
    goal: str
    org: str
    means: frozenset[str]   # what the person has: site, booking, email, phone, ...
    call_date: str      # a date for a call for volunteers
    results: str        # what to count ('inquiries or clients won')
    reader: bool = False    # said they mostly read in that group (linkedin_groups_part)
    line: str = ""          # their editorial line in their words, quoted
    subscribers: str = ""   # how many are on their list, formatted ('' when unknown)


def fmt_minutes(minutes: int, tr: Translator, lang: str) -> str:
    """45 -> '45 min'; 60 -> '1 h'; 90 -> '1 h 30 min' (fr: '1 h 30')."""
    hours, rest = divmod(max(int(minutes), 0), 60)
    if not hours:
        return tr.gettext("{minutes} min").format(minutes=rest)
    if not rest:
        return tr.gettext("{hours} h").format(hours=hours)
    return tr.gettext("{hours} h {minutes} min").format(hours=hours, minutes=f"{rest:02d}")


def duration(minutes: int, sessions: int, tr: Translator, lang: str, *,
             weekly: bool = True) -> str:
    """'(about 45 min a week)', '(about 1 h a week, in 2 sittings)'."""
    d = fmt_minutes(minutes, tr, lang)
    if not weekly:
        return tr.gettext("(about {duration})").format(duration=d)
    if sessions <= 1:
        return tr.gettext("(about {duration} a week)").format(duration=d)
    return tr.ngettext("(about {duration} a week, in {n} sitting)",
                       "(about {duration} a week, in {n} sittings)", sessions).format(
        duration=d, n=sessions)


def _contact(s: Said, tr: Translator) -> str:
    """Whom a volunteer contacts: the form, an email, a phone, else a message to you."""
    if "signup_form" in s.means:
        return tr.gettext("the link to your sign-up form")
    if "email" in s.means:
        return tr.gettext("your email address")
    if "phone" in s.means:
        return tr.gettext("your phone number")
    return tr.gettext("a private message to you")


def follow_up(s: Said, tr: Translator) -> str:
    """The closing step: attention turned into the goal's action, with what the person has."""
    m = s.means
    if s.goal == "volunteers":
        if "signup_form" in m:
            return tr.gettext("When someone offers to help, send them your sign-up form, then "
                              "write within two days with a first task and a date.")
        return tr.gettext("When someone offers to help, ask for their email or phone number "
                          "and write within two days with a first task and a date.")
    if s.goal == "donations":
        if "donation_page" in m:
            return tr.gettext("When someone asks how to help, send them the link to your "
                              "donation page, and thank every gift within two days.")
        if "site" in m:
            return tr.gettext("When someone asks how to help, send them to the page of your "
                              "site that says how to give, and thank every gift within two "
                              "days.")
        return tr.gettext("When someone asks how to help, tell them how to give (in person, "
                          "by transfer or by cheque), and thank every gift within two days.")
    if s.goal == "recruits":
        if "site" in m:
            return tr.gettext("When someone shows interest, send them to the page of your "
                              "site where they apply, and answer within two days.")
        return tr.gettext("When someone shows interest, ask for their email and send them "
                          "the job description within two days.")
    if "shop" in m and s.goal in ("clients", "awareness"):
        return tr.gettext("When someone asks about a product, send them the link to it in "
                          "your online shop rather than carrying on in the comments.")
    if "booking" in m:
        return tr.gettext("When someone shows interest, send them your booking link so they "
                          "choose a time for a call.")
    if "phone" in m:
        return tr.gettext("When someone shows interest, offer a phone call and set a time "
                          "together.")
    if "email" in m:
        return tr.gettext("When someone shows interest, give them your email address and "
                          "carry on there rather than in the comments.")
    if "site" in m:
        return tr.gettext("When someone shows interest, send them to the page of your site "
                          "that answers their need.")
    return tr.gettext("When someone shows interest, ask how they would like to be reached (a "
                      "call, an email) and follow up within a day.")


def activity_text(activity: str, n: int, every: int, s: Said, tr: Translator) -> str:
    """The sentence for one activity without its duration. `n`: pieces this week;
    `every` > 1: one piece every `every` weeks instead (a video takes more than a week's
    time on the channel)."""
    if activity == "answer_questions" and s.reader:
        return tr.ngettext("You mostly read {loc}: this week, step in and answer {n} question "
                           "asked there.",
                           "You mostly read {loc}: this week, step in and answer {n} questions "
                           "asked there.", n).format(n=n, loc=s.loc)
    if activity == "answer_questions":
        return tr.ngettext("Answer {n} question asked {loc}.",
                           "Answer {n} questions asked {loc}.", n).format(n=n, loc=s.loc)
    if activity == "start_thread" and every > 1:
        return tr.gettext("Every {every} weeks, start a thread {loc} on a question your "
                          "{audience} often ask.").format(every=every, loc=s.loc,
                                                         audience=s.audience)
    if activity == "start_thread":
        return tr.ngettext("Start {n} thread {loc} on a question your {audience} often ask.",
                           "Start {n} threads {loc}, each on a question your {audience} "
                           "often ask.", n).format(n=n, loc=s.loc, audience=s.audience)
    if activity == "chat_conversation":
        return tr.ngettext("Take part in the conversation {loc}: reply to {n} member who asks "
                           "for help or shares news.",
                           "Take part in the conversation {loc}: reply to {n} members who ask "
                           "for help or share news.", n).format(n=n, loc=s.loc)
    if activity == "list_comments" and not s.in_space:
        return tr.ngettext("Reply to {n} post by the people who matter in your field {loc}.",
                           "Reply to {n} posts by the people who matter in your field {loc}.",
                           n).format(n=n, loc=s.loc)
    if activity == "list_comments":
        return tr.ngettext("Read {place} and reply to {n} post by its members.",
                           "Read {place} and reply to {n} posts by its members.", n).format(
            n=n, place=s.place)
    if activity == "comment_posts":
        return tr.ngettext("Comment on {n} post by the people you want to reach on "
                           "{platform}: add something useful, not just a like.",
                           "Comment on {n} posts by the people you want to reach on "
                           "{platform}: add something useful, not just a like.", n).format(
            n=n, platform=s.platform)
    if activity == "publish_post" and s.line:
        if every > 1:
            return tr.gettext("Publish one post {loc} every {every} weeks, along your editorial "
                              "line ({line}).").format(loc=s.loc, every=every, line=s.line)
        return tr.ngettext("Publish {n} post {loc} along your editorial line ({line}).",
                           "Publish {n} posts {loc} along your editorial line ({line}).",
                           n).format(n=n, loc=s.loc, line=s.line)
    if activity == "publish_post":
        if every > 1:
            return (tr.gettext("Publish one post {loc} every {every} weeks, along your "
                               "editorial line.") if s.editorial_line else
                    tr.gettext("Write your editorial line in one sentence (whom it serves, "
                               "about what), then publish one post {loc} every {every} weeks "
                               "that follows it.")).format(loc=s.loc, every=every)
        return (tr.ngettext("Publish {n} post along your editorial line {loc}.",
                            "Publish {n} posts along your editorial line {loc}.", n)
                if s.editorial_line else
                tr.ngettext("Write your editorial line in one sentence (whom it serves, about "
                            "what), then publish {n} post that follows it {loc}.",
                            "Write your editorial line in one sentence (whom it serves, about "
                            "what), then publish {n} posts that follow it {loc}.", n)).format(
            n=n, loc=s.loc)
    if activity == "pin_images":
        return (tr.ngettext("Pin {n} image {loc} that leads to a page of your site.",
                            "Pin {n} images {loc}, each leading to a page of your site.", n)
                if "site" in s.means else
                tr.ngettext("Pin {n} image of your work {loc}, saying in its description how "
                            "to reach you.",
                            "Pin {n} images of your work {loc}, saying in each description how "
                            "to reach you.", n)).format(n=n, loc=s.loc)
    if activity == "publish_video":
        if every > 1:
            return tr.gettext("Make one video {loc} every {every} weeks, answering a question "
                              "your {audience} ask; work on it a little each week.").format(
                loc=s.loc, every=every, audience=s.audience)
        return tr.ngettext("Make and publish {n} video {loc} that answers a question your "
                           "{audience} ask.",
                           "Make and publish {n} videos {loc}, each answering a question your "
                           "{audience} ask.", n).format(n=n, loc=s.loc, audience=s.audience)
    if activity == "short_video":
        if every > 1:
            return tr.gettext("Film and publish one short video {loc} every {every} weeks, "
                              "showing your work or answering a question.").format(
                loc=s.loc, every=every)
        return tr.ngettext("Film and publish {n} short video {loc}, showing your work or "
                           "answering a question.",
                           "Film and publish {n} short videos {loc}, showing your work or "
                           "answering questions.", n).format(n=n, loc=s.loc)
    if activity == "newsletter_issue" and s.subscribers:
        if every > 1:
            return tr.gettext("Send one issue {loc} to your {size} subscribers every {every} "
                              "weeks, answering a question they ask; write it a little each "
                              "week.").format(loc=s.loc, size=s.subscribers, every=every)
        return tr.ngettext("Write and send {n} issue {loc} to your {size} subscribers, "
                           "answering a question they ask.",
                           "Write and send {n} issues {loc} to your {size} subscribers, each "
                           "answering a question they ask.", n).format(
            n=n, loc=s.loc, size=s.subscribers)
    if activity == "newsletter_issue":
        if every > 1:
            return tr.gettext("Send one issue {loc} every {every} weeks, answering a question "
                              "your readers ask; write it a little each week.").format(
                loc=s.loc, every=every)
        return tr.ngettext("Write and send {n} issue {loc}, answering a question your "
                           "readers ask.",
                           "Write and send {n} issues {loc}, each answering a question your "
                           "readers ask.", n).format(n=n, loc=s.loc)
    if activity == "write_article":
        if every > 1:
            return tr.gettext("Publish one article {loc} every {every} weeks, answering a "
                              "question your {audience} ask; write it a little each "
                              "week.").format(loc=s.loc, every=every, audience=s.audience)
        return tr.ngettext("Write {n} article {loc} that answers a question your {audience} "
                           "ask.",
                           "Write {n} articles {loc}, each answering a question your "
                           "{audience} ask.", n).format(n=n, loc=s.loc, audience=s.audience)
    if activity == "live_session":
        if every > 1 and s.in_space:
            return tr.gettext("Hold one session of {place} every {every} weeks: announce it "
                              "two days before, and prepare it a little each week.").format(
                place=s.place, every=every)
        if every > 1:
            return tr.gettext("Hold one live session {loc} every {every} weeks: announce it "
                              "two days before, and prepare it a little each week.").format(
                loc=s.loc, every=every)
        if s.in_space:
            return tr.ngettext("Prepare and hold {n} session of {place}: announce it two days "
                               "before and answer the questions live.",
                               "Prepare and hold {n} sessions of {place}: announce each two "
                               "days before and answer the questions live.", n).format(
                n=n, place=s.place)
        return tr.ngettext("Prepare and hold {n} live session {loc}: announce it two days "
                           "before and answer the questions live.",
                           "Prepare and hold {n} live sessions {loc}: announce each two days "
                           "before and answer the questions live.", n).format(n=n, loc=s.loc)
    if activity == "listing_upkeep" and not s.in_space:
        return tr.gettext("Keep your listing {loc} up to date (hours, services, photos) and "
                          "answer new reviews and questions.").format(loc=s.loc)
    if activity == "listing_upkeep":
        return tr.gettext("Keep {place} up to date (hours, services, photos) and answer new "
                          "reviews and questions.").format(place=s.place)
    if activity == "ask_reviews":
        return (tr.ngettext("Ask {n} person you helped recently for a review {loc}.",
                            "Ask {n} people you helped recently for a review {loc}.", n)
                if s.org == "nonprofit" else
                tr.ngettext("Ask {n} recent client for a review {loc}.",
                            "Ask {n} recent clients for a review {loc}.", n)).format(
            n=n, loc=s.loc)
    if activity == "referrer_talks" and every > 1:
        return (tr.gettext("Every {every} weeks, have a real conversation with a possible "
                           "partner you met {loc}, by message or by phone.")
                if s.goal == "partners" else
                tr.gettext("Every {every} weeks, have a real conversation with someone who "
                           "can refer work to you (a past client, a peer) you know "
                           "{loc}.")).format(every=every, loc=s.loc)
    if activity == "referrer_talks":
        return (tr.ngettext("Have a real conversation with {n} possible partner you met "
                            "{loc}, by message or by phone.",
                            "Have a real conversation with {n} possible partners you met "
                            "{loc}, by message or by phone.", n)
                if s.goal == "partners" else
                tr.ngettext("Have a real conversation with {n} person who can refer work to "
                            "you (a past client, a peer) you know {loc}.",
                            "Have a real conversation with {n} people who can refer work to "
                            "you (past clients, peers) you know {loc}.", n)).format(
            n=n, loc=s.loc)
    if activity == "call_for_volunteers" and every > 1:
        return tr.gettext("Every {every} weeks, post a call for volunteers {loc}: one task, "
                          "one date (say {date}), how long it takes, and whom to contact "
                          "({contact}); afterwards, thank those who came, in public.").format(
            every=every, loc=s.loc, date=s.call_date, contact=_contact(s, tr))
    if activity == "call_for_volunteers":
        return tr.gettext("Post a call for volunteers {loc}: one task, one date (say "
                          "{date}), how long it takes, and whom to contact ({contact}); "
                          "afterwards, thank those who came, in public.").format(
            loc=s.loc, date=s.call_date, contact=_contact(s, tr))
    if activity == "donation_ask" and every > 1:
        return (tr.gettext("Every {every} weeks, ask for donations {loc}: say what one gift "
                           "makes possible, with the link to your donation page.")
                if "donation_page" in s.means else
                tr.gettext("Every {every} weeks, ask for donations {loc}: say what one gift "
                           "makes possible, and how to give.")).format(every=every, loc=s.loc)
    if activity == "donation_ask":
        return (tr.gettext("Ask for donations {loc}: say what one gift makes possible, with "
                           "the link to your donation page.") if "donation_page" in s.means
                else tr.gettext("Ask for donations {loc}: say what one gift makes possible, "
                                "and how to give.")).format(loc=s.loc)
    if activity == "reply_comments":
        return tr.gettext("Reply to every comment and message within two days.")
    if activity == "reply_readers":
        return tr.gettext("Reply to every reader who writes back within two days.")
    if activity == "reply_messages":
        return tr.gettext("Answer the messages that reach you {loc} within two days.").format(
            loc=s.loc)
    if activity == "follow_up":
        return follow_up(s, tr)
    if activity == "track_results":
        return tr.gettext("Every week, note what came from {platform}: {results}.").format(
            platform=s.platform, results=s.results)
    if activity == "choose_space":
        return tr.gettext("This week, choose one space on {platform} and stick to it.").format(
            platform=s.platform)
    # The bank refuses activities the engine cannot say (coach.bank.routines.ACTIVITIES).
    raise KeyError(activity)
