/* codes: the catalogue of the built-in finding codes (see codes.h). The
 * texts follow docs/LANGUAGE.md's tables of findings; a test
 * (tests/sarif/run) checks that every code the C code emits is here and
 * nothing else is. */
#include "codes.h"

#include <stdlib.h>
#include <string.h>

#include "lang.h"

/* Sorted by id, for bsearch (the unit test checks the order). */
static const cd_code codes[] = {
  { "awaited-before-issue", DG_ERROR,
    N_("A deadline awaiting a directive ends before the plan is issued"),
    N_("A deadline tied by 'after' to another directive is resolved through that directive's deadline; "
       "here the result ends before the plan's own issue date, so the task was already late when the "
       "plan was written."),
    N_("Check the awaited directive and the delay the phrase gives; give the task a deadline it can "
       "still meet.") },
  { "body-abolished", DG_WARNING,
    N_("A body of a level that no longer exists, with no successor"),
    N_("The plan names a body of a level that is not in the organisation of the plan's date (a district "
       "body in a plan of 2026), and no body took its work over."),
    N_("Give the task to a body that exists at the plan's date, or check the plan's date and structure.") },
  { "body-succeeded", DG_WARNING,
    N_("A body that had ceased by the plan's date"),
    N_("The plan is dated on or after the day a body it names (as owner, co-owner or issuer) ceased; the "
       "message names the bodies that took its work over."),
    N_("Name the body that succeeded it instead.") },
  { "cascade-ancestor", DG_NOTE,
    N_("A parent is not available: checked against its nearest available ancestor"),
    N_("The text of a plan this plan implements is not available; the plan is checked against the "
       "nearest ancestor whose text is loaded, and missing coverage and wrong owners found that way are "
       "only warnings."),
    N_("Encode the missing parent plan and give it (with -I DIR) to check against it directly.") },
  { "cascade-unchecked", DG_NOTE,
    N_("A parent is not available and names no available ancestor"),
    N_("The text of a plan this plan implements is not available and no ancestor of it is loaded, so the "
       "plan's coverage of its parents is not checked."),
    N_("Give the parent plan (or one of its ancestors) with -I DIR.") },
  { "coverage-missing", DG_ERROR,
    N_("A directive addressed to this level that no task implements"),
    N_("A directive of a parent plan is addressed to this plan's level, and no task of the plan "
       "implements it, no waiver waives it and no forward passes it on. Through an unavailable parent it "
       "is a warning."),
    N_("Add a task that implements it ('implements \"ID\"'), or a 'waive' with its reason, or a 'forward' "
       "to the level below; 'plancheck suggest' proposes the likeliest tasks.") },
  { "date-unknown", DG_NOTE,
    N_("The plan's issue date is unknown"),
    N_("The plan says 'date unknown': deadlines before the issue date are not checked, and missed "
       "reports are counted from the first entry of its progress record."),
    N_("Give the date the document was issued, when it is known.") },
  { "deadline-in-text", DG_WARNING,
    N_("A deadline phrase in a task's text that no 'due' carries"),
    N_("The task's text prints a deadline phrase (\"hoàn thành trong quý II/2023\") that none of its "
       "'due's carries, by the same words or the same meaning, so the checker cannot compare it."),
    N_("Add the 'due' line the note gives under the task.") },
  { "deadline-later", DG_ERROR,
    N_("A task's deadline is later than the deadline of the directive it implements"),
    N_("The task's deadline ends after the deadline of the parent directive it implements, compared per "
       "level for staged deadlines; an event deadline tied to a directive is resolved through that "
       "directive's deadline."),
    N_("Bring the deadline forward to the parent's, or record why it cannot be met.") },
  { "deadline-less-frequent", DG_ERROR,
    N_("A continuous or recurring duty made less frequent"),
    N_("The parent directive is continuous or recurring, and the task makes it less frequent (yearly for "
       "continuous, once a term for yearly) or does it only once."),
    N_("Give the task a deadline at least as frequent as the parent's.") },
  { "deadline-open", DG_WARNING,
    N_("A dated directive implemented with no deadline, or with no end"),
    N_("The parent directive is dated but the task has no deadline, or one with no end (an event, on "
       "request, continuous)."),
    N_("Give the task a dated deadline no later than the parent's.") },
  { "deadline-unrecognized", DG_WARNING,
    N_("A deadline phrase plancheck cannot read"),
    N_("The deadline phrase is kept as text but has no meaning plancheck can compare; a note suggests "
       "the 'as' form a part of it reads as, when one does. An 'as' form that is not canonical is an "
       "error."),
    N_("Add 'as \"...\"' with the canonical form of what the phrase means (docs/PHRASES.md).") },
  { "duplicate-id", DG_ERROR,
    N_("Two tasks, bodies or plans with the same id"),
    N_("Two items of the same kind have the same id, so links and reports could not tell them apart."),
    N_("Rename one of them; the note shows where the other is declared.") },
  { "duplicate-name", DG_WARNING,
    N_("One name or alias given to two bodies"),
    N_("A name or alias names two bodies (also through an extension 'body ID { alias ... }'), so an "
       "owner written with it is ambiguous."),
    N_("Remove the name from one of the bodies.") },
  { "fmt", DG_ERROR,
    N_("plancheck fmt's layout would change what the plan says"),
    N_("plancheck fmt lexes its own result again and compares it with the file; here the tokens differ, so "
       "the layout would change the plan. It is a fault of plancheck, not of the plan: the file is left as "
       "it is."),
    N_("Keep the file as it is and report the fault with the file that shows it.") },
  { "forward-level", DG_ERROR,
    N_("A forward to a level that is not below the plan's own"),
    N_("A 'forward' passes a directive on to a level that is not below the plan's own, so it answers "
       "nothing."),
    N_("Forward to a level below the plan's, or implement the directive here.") },
  { "include", DG_ERROR,
    N_("An include or use that cannot be read"),
    N_("A file named by 'include' or 'use' is missing, unreadable, a directory, not a regular file, or "
       "part of an include cycle (the chain is given)."),
    N_("Correct the path (relative to the including file) or break the cycle.") },
  { "invalid-date", DG_ERROR,
    N_("A date that does not exist"),
    N_("A date written in the plan, or in a deadline phrase, does not exist (2023-02-30, \"trước ngày "
       "30/02/2023\")."),
    N_("Check the date against the document.") },
  { "io", DG_ERROR,
    N_("A file given cannot be read or written"),
    N_("A file named on the command line cannot be read, is not a regular file, or a file cannot be "
       "written; the run ends with exit status 2."),
    N_("Check the path and its permissions.") },
  { "io-error", DG_ERROR,
    N_("A rule script or directory given cannot be read"),
    N_("A file or directory given with --rules cannot be read; the run ends with exit status 2."),
    N_("Check the path given to --rules and its permissions.") },
  { "lex", DG_ERROR,
    N_("Text that cannot be read as plan language"),
    N_("A character that cannot start a token, a word with a Vietnamese letter that is no keyword, an "
       "unterminated string, an unknown escape, a straight quote or a line break inside a string, a date "
       "not written ISO, invalid UTF-8 or a NUL byte."),
    N_("Correct the text at the caret; the message says what was expected.") },
  { "link-cycle", DG_ERROR,
    N_("Links that lead back to where they started"),
    N_("Following the links (or 'after' references) from a task leads back to the task itself."),
    N_("Remove the link that closes the cycle; the notes show the chain.") },
  { "link-duplicate", DG_WARNING,
    N_("The same directive linked twice from one task"),
    N_("A task links the same parent directive twice."),
    N_("Remove one of the links.") },
  { "link-not-addressed", DG_WARNING,
    N_("A link to a directive not addressed to this level"),
    N_("The task links a parent directive that is not addressed to this plan's level."),
    N_("Check that the link names the intended directive.") },
  { "link-not-parent", DG_ERROR,
    N_("A link into a plan this plan does not implement"),
    N_("A link names a directive of a plan this plan does not implement, directly or through its "
       "ancestors."),
    N_("Add that plan to 'implements', or correct the link.") },
  { "link-suspect", DG_WARNING,
    N_("The parent directive changed since the link was reviewed"),
    N_("The text, owner or deadline of the linked parent directive changed since the link's fingerprint "
       "was recorded."),
    N_("Review the task against the changed directive, then run 'plancheck accept FILE'.") },
  { "link-unknown", DG_ERROR,
    N_("A link to a task that does not exist"),
    N_("A link (or 'after') names a task that does not exist, a section, or a directive of a plan whose "
       "text is not available."),
    N_("Correct the id; the message names the nearest ids.") },
  { "link-unreviewed", DG_WARNING,
    N_("A link without a fingerprint"),
    N_("A link records no fingerprint of the parent directive, so a later change of that directive would "
       "go unnoticed."),
    N_("Review the link, then run 'plancheck accept FILE'.") },
  { "link-weak", DG_NOTE,
    N_("A task that shares almost nothing with the directive it links"),
    N_("The text similarity of the task and the directive it links, as 'suggest' computes it, is below "
       "0.10: the link may name the wrong directive."),
    N_("Check the link; the note gives the directive the text resembles most.") },
  { "no-plan", DG_ERROR,
    N_("A file given declares no plan"),
    N_("A file given to check declares no plan, or holds items that belong to no plan."),
    N_("Start the file with a 'plan' block, or give it through 'include' from a plan.") },
  { "numbering-duplicate", DG_WARNING,
    N_("Two siblings with the same number"),
    N_("Two sections or tasks under the same heading carry the same number; the second gets an id with "
       "'#2'."),
    N_("Renumber as the document should have been numbered (or keep it, as the document is).") },
  { "numbering-gap", DG_WARNING,
    N_("Numbering skips or starts late"),
    N_("The numbers of siblings skip (1., 2., 4.) or do not start at the first number."),
    N_("Check the document for a missing item, or renumber.") },
  { "numbering-parent", DG_WARNING,
    N_("A number that does not continue its parent's"),
    N_("A multi-level number does not start with its parent's number ('2.1.' under a section that is not "
       "'2.')."),
    N_("Correct the number or move the item under its section.") },
  { "owner-level", DG_ERROR,
    N_("A task's owner is of a level above the plan's"),
    N_("A task's owner is a body of a level above the plan's (a province body in a district plan), or of "
       "a level not in its structure."),
    N_("Give the task to this level's counterpart of that body.") },
  { "owner-mismatch", DG_ERROR,
    N_("A task's owner is not the counterpart of the directive's owner"),
    N_("The task's owner is not this level's counterpart of the parent directive's owner, and the link "
       "gives no 'reassigned' reason; the message names the expected bodies. Through an unavailable "
       "parent it is a warning."),
    N_("Give the task to the expected body, or add 'reassigned \"reason\"' to the link.") },
  { "parent-cycle", DG_ERROR,
    N_("Plans that implement each other"),
    N_("Following 'implements' from a plan leads back to the plan itself."),
    N_("Remove the 'implements' that closes the cycle.") },
  { "parent-not-found", DG_ERROR,
    N_("A parent plan cannot be found or read"),
    N_("A parent named by 'implements' cannot be found or read, or its file declares another plan."),
    N_("Give the parent's file with -I DIR or a 'path', or mark it 'unavailable'.") },
  { "progress-date", DG_ERROR,
    N_("A progress entry dated after the as-of date"),
    N_("An entry of a progress record is dated after --as-of (by default today): a record cannot hold "
       "what has not happened yet; the entry is left out."),
    N_("Correct the date of the entry.") },
  { "progress-duplicate", DG_WARNING,
    N_("A directive recorded done or cancelled twice"),
    N_("A progress record closes the same directive twice: more likely a copy-paste slip than a "
       "correction."),
    N_("Remove one of the entries; the note shows the other.") },
  { "progress-for", DG_ERROR,
    N_("A report's 'for' names none of the directive's deadlines"),
    N_("A 'reported' entry names, with 'for', a part none of the directive's deadlines has."),
    N_("Use one of the parts the message lists, or leave out 'for'.") },
  { "progress-trigger", DG_WARNING,
    N_("'triggers' names a directive that waits for nothing"),
    N_("A 'triggers' names a directive none of whose deadlines is conditional."),
    N_("Check the id: the directive that waited for this event is probably another.") },
  { "script-budget", DG_ERROR,
    N_("A rule script ran out of its instruction budget or time"),
    N_("A call into a rule script ran out of its instruction budget or its time; the other rules still "
       "run."),
    N_("Fix the loop in the script, or raise the budget with --lua-budget.") },
  { "script-error", DG_ERROR,
    N_("A rule script failed"),
    N_("A rule script raised an error, or a definition in it was wrong; the error points at the script "
       "line that was running, and the other rules still run."),
    N_("Correct the script at the line given (docs/LUA-API.md).") },
  { "script-memory", DG_ERROR,
    N_("The rule scripts ran out of memory"),
    N_("The scripts' memory limit was reached; the other rules still run."),
    N_("Make the script keep less, or raise the limit with --lua-memory.") },
  { "script-result", DG_ERROR,
    N_("A rule script returned the wrong thing"),
    N_("A function of a rule script returned the wrong type, or a recognizer a deadline plancheck cannot "
       "read."),
    N_("Correct what the function returns (docs/LUA-API.md).") },
  { "syntax", DG_ERROR,
    N_("Text that does not follow the grammar"),
    N_("The text does not follow the plan language's grammar; parsing goes on, with at most 20 such "
       "errors per file."),
    N_("Correct the text near the caret (docs/LANGUAGE.md).") },
  { "target-unrecognized", DG_WARNING,
    N_("A target value plancheck cannot read"),
    N_("The value phrase of a target is kept as text but has no meaning plancheck can compare."),
    N_("Write the value as the language describes targets (docs/LANGUAGE.md).") },
  { "target-weaker", DG_ERROR,
    N_("A target less strict than the parent's"),
    N_("A target for the same measure is less strict than the parent's: a lower minimum, a higher "
       "maximum, a later year."),
    N_("Raise the target to at least the parent's.") },
  { "unknown-body", DG_ERROR,
    N_("An owner, issuer or counterpart that names no body"),
    N_("A body named in the plan (owner, co-owner, issuer, counterpart, progress entry) is not declared; "
       "the message names the nearest bodies, and the 'use' line for a body of a standard file the plan "
       "does not use."),
    N_("Correct the name, declare the body, or add the 'use' line the message gives.") },
  { "unknown-directive", DG_ERROR,
    N_("A progress entry names a directive or plan that is not loaded"),
    N_("An entry of a progress record names a directive or a plan that is not loaded, or a relative id "
       "in a block that names no plan."),
    N_("Correct the id, or give the plan it belongs to.") },
  { "unknown-level", DG_ERROR,
    N_("A word that names no level"),
    N_("A level is named by a word that is not a level of the plan's structure."),
    N_("Use one of the structure's levels; the message suggests the nearest.") },
  { "unknown-structure", DG_ERROR,
    N_("A plan names a structure that is not declared"),
    N_("The structure a plan names (the levels of the organisation it is written in) is not declared."),
    N_("Correct the name, or 'use' the standard file that declares it.") },
  { "usage", DG_ERROR,
    N_("A command used wrongly"),
    N_("The command line asks for something that cannot be done as asked; the run ends with exit status "
       "2."),
    N_("See 'plancheck --help'.") },
  { "waiver-expired", DG_ERROR,
    N_("A waiver whose 'until' has passed"),
    N_("A waiver's 'until' date has passed (by --as-of), so the directive it waived is due again."),
    N_("Implement the directive, or renew the waiver with its reason.") },
  { "waiver-reason", DG_ERROR,
    N_("A waiver without a reason"),
    N_("A 'waive' gives no 'reason': a waiver must say why the level does not carry the directive."),
    N_("Add 'reason \"...\"' to the waiver.") },
  { "waiver-unneeded", DG_WARNING,
    N_("A waived directive that a task implements anyway"),
    N_("A directive is waived, and a task of the plan implements it all the same."),
    N_("Remove the waiver or the link.") },
};

size_t cd_count(void) {
  return sizeof codes / sizeof *codes;
}

const cd_code *cd_at(size_t i) {
  return i < cd_count() ? &codes[i] : NULL;
}

static int by_id(const void *key, const void *elem) {
  return strcmp(key, ((const cd_code *)elem)->id);
}

const cd_code *cd_find(const char *id, size_t *index) {
  if (!id) return NULL;
  const cd_code *c = bsearch(id, codes, cd_count(), sizeof *codes, by_id);
  if (c && index) *index = (size_t)(c - codes);
  return c;
}
