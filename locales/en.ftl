# The widget's words in English: the source every other catalog follows.
#
# Each message is text with { $name } placeholders, or a plural that
# chooses by a count ({ $n -> [one] … *[other] … }). A comment above a
# message says where it shows, for translators. Terms used throughout:
# call, agent (the voice AI), customer (the person called or calling),
# recording, transcript, provider (the voice-AI company), proxy (the
# integrator's server the widget asks).

## Call statuses (a column, the status filter, the call's facts).

status-scheduled = Scheduled
status-ringing = Ringing
status-in-progress = In progress
status-completed = Completed
status-voicemail = Voicemail
status-no-answer = No answer
status-busy = Busy
status-canceled = Canceled
status-failed = Failed
# An unknown status, direction or caller.
unknown = Unknown

## Call directions.

direction-inbound = Inbound
direction-outbound = Outbound
# A call from a browser, not a phone.
direction-web = Web

## Speakers (transcript, timeline, transcript download).

speaker-agent = Agent
speaker-customer = Customer
speaker-other = Other
# A speaker in a downloaded transcript who is neither agent nor customer.
speaker = Speaker

## Why a call ended (the call's facts, the end reason column).

ended-customer-hung-up = The customer hung up
ended-agent-ended = The agent ended the call
ended-nobody-answered = Nobody answered
ended-line-busy = The line was busy
ended-not-placed = The call could not be placed
ended-voicemail = Reached voicemail
ended-time-limit = Time limit reached
ended-silence = Ended after silence
ended-transferred = Transferred
ended-error = Ended by an error

## How a call went (the outcome column, the call's facts).

outcome-successful = Successful
outcome-not-successful = Not successful
outcome-appointment-booked = Appointment booked
outcome-no-appointment = No appointment

## The header row of a CSV export (a spreadsheet's column titles).

csv-id = Call ID
csv-provider = Provider
csv-started-at = Started at
csv-direction = Direction
csv-status = Status
csv-customer-name = Customer name
csv-customer-number = Customer number
csv-agent = Agent
csv-agent-number = Agent number
csv-campaign = Campaign
csv-duration-seconds = Duration (seconds)
csv-outcome = Outcome
csv-successful = Successful
csv-sentiment = Sentiment
csv-end-reason = End reason
csv-cost = Cost
csv-cost-unit = Cost unit
csv-summary = Summary

## The widget's own state.

# Shown before the integrator has configured the widget; "proxy-url" and
# "proxyUrl" are the setting's names and stay as they are.
no-proxy-url = No proxy URL yet: set proxy-url (proxyUrl) to your proxy's address.
retry = Retry

## The call table's column headers.

column-time = Time
column-direction = Direction
column-customer = Customer
column-agent = Agent
column-duration = Duration
column-status = Status
column-outcome = Outcome

## Filter names (the filter bar's labels, an active filter's chip).

filter-status = Status
filter-direction = Direction
filter-call-type = Call type
filter-agent = Agent
filter-campaign = Campaign
filter-contact = Contact
filter-phone = Phone number
filter-search = Search
filter-end-reason = End reason
filter-sentiment = Sentiment
filter-outcome = Outcome
filter-date-range = Date range
filter-duration = Duration

## Cells of the call table.

# A customer cell for a call whose provider gives neither name nor number
# (the call's title shows above it).
no-caller-details = No caller details
yes = Yes
no = No

## The call list's states.

loading-calls = Loading calls…
calls-not-loaded = Calls could not be loaded.
no-calls-match = No calls match these filters.
no-calls-yet = No calls yet.
clear-filters = Clear filters
# Calls the provider sent that the widget could not read.
calls-skipped = { $n ->
    [one] { $n } call on this page could not be read and is not shown.
   *[other] { $n } calls on this page could not be read and are not shown.
}

## The filter bar.

filters = Filters
# The filters' button when some are set (read by screen readers).
filters-active = { $n ->
    [one] Filters, { $n } active
   *[other] Filters, { $n } active
}
more-filters = More filters
filter-calls = Filter calls
active-filters = Active filters
# A chip's remove button; { $filter } is e.g. "Status: Completed".
remove-filter = Remove filter { $filter }
clear-all = Clear all
any-status = Any status
any-type = Any type
any-sentiment = Any sentiment
any-outcome = Any outcome
any-reason = Any reason
any-direction = Any direction
search-calls = Search calls
agent-id = Agent ID
campaign-id = Campaign ID
contact-id = Contact ID
date-from = From
date-to = To
min-minutes = Min minutes
max-minutes = Max minutes
# A date range chip: from a date on, or until a date.
from-date = from { $date }
until-date = until { $date }

## The pager.

# Which calls of how many are shown: "41–60 of 1,901".
calls-range = { $first }–{ $last } of { $total }
no-calls = No calls
previous-page = ‹ Previous
next-page = Next ›
rows-per-page = Rows per page
pagination = Pagination
page-n = Page { $n }
# The call table's caption (read by screen readers).
calls = Calls

## Failures: a notice's heading, and what it says.

error-access-denied = Access denied
error-not-found = Not found
error-rejected = Request rejected
error-too-many-requests = Too many requests
error-provider = Provider error
error-connection = Connection problem
error-timed-out = Timed out
error-unreadable = Unreadable response
error-filter-unavailable = Filter not available
error-cancelled = Cancelled
call-view-unavailable = Could not load the call view
# "callboard" is the widget's name and stays as it is.
call-view-unavailable-message = callboard's code for the call view did not load: the network failed, or callboard was updated after this page opened. Retry, or reload the page.
controls-unavailable = Filters and pages unavailable
controls-unavailable-message = callboard's code for the filters and pages did not load: the network failed, or callboard was updated after this page opened. Retry, or reload the page.

## The list's tools: the column chooser and Export.

columns = Columns
columns-shown = Columns shown

## The open call: its panel and facts.

call-details = Call details
close-call-details = Close call details
# Back to the list from a call (narrow layout).
back-to-calls = ‹ Calls
loading-call-details = Loading call details…
fact-when = When
fact-direction = Direction
fact-duration = Duration
fact-status = Status
fact-ended = Ended
fact-outcome = Outcome
fact-sentiment = Sentiment
fact-customer = Customer
fact-customer-number = Customer number
fact-agent = Agent
# The phone number the agent called from or answered on.
fact-agent-line = Agent line
fact-campaign = Campaign
fact-cost = Cost
provider-details = Provider details
details = Details
# A link among the provider's details.
open-link = Open
export = Export
export-calls = Export calls
cancel = Cancel
export-this-page = This page as CSV
# { $cap } is a number, e.g. "5,000".
export-all-pages = All pages as CSV (up to { $cap } calls)
# Progress of an export of all pages: "Exporting… 300 of 2,000 calls".
exporting-of = Exporting… { $n } of { $total } calls
exporting = { $n ->
    [one] Exporting… { $n } call
   *[other] Exporting… { $n } calls
}
exported = { $n ->
    [one] Exported { $n } call
   *[other] Exported { $n } calls
}
# The export stops at a cap, e.g. "Exported the first 5,000 calls".
exported-first = Exported the first { $n } calls
# { $error } is the failure's description.
export-stopped = Export stopped: { $error }

## The open call's sections.

section-recording = Recording
section-transcript = Transcript
# The section around the transcript and the speakers' timeline.
section-conversation = Conversation
section-call = Call
section-call-facts = Call facts
section-summary = Summary
section-latency = Latency
no-transcript = No transcript is available for this call.
# { $provider } is the voice-AI company's name (e.g. "Bland").
provider-has-no-transcripts = { $provider } does not provide call transcripts.

## The recording player.

recording-when-call-ends = The recording comes when the call ends.
no-recording = No recording is available for this call.
provider-has-no-recordings = { $provider } does not provide call recordings.
recording-failed-expired = The recording could not be loaded; its link may have expired.
recording-failed = The recording could not be loaded.
download = Download
get-fresh-link = Get a fresh link
play = Play
pause = Pause
# The skip buttons show "−10s" and "+10s"; these are their spoken names.
back-10-seconds = −10s: back 10 seconds
forward-10-seconds = +10s: forward 10 seconds
link-copied = Link copied
# "moment-url" is the setting's name and stays as it is.
moment-url-not-http = The moment-url setting is not an http(s) link
copy-moment-link = Copy link to this moment
seek = Seek
# Where the recording is, read by screen readers: "1:05 of 4:10".
position-of-length = { $position } of { $length }
unknown-length = unknown length
speed = Speed
# Audio channels: both speakers mixed, or one speaker per ear.
channels = Channels
mono = Mono
stereo = Stereo
copy-failed = Copy failed

## The speakers' timeline.

who-spoke-when = Who spoke when
# Read by screen readers as the timeline's value: "0:42 of 3:10, the agent speaking".
spoken-at = { $position } of { $length }, { $who }
agent-speaking = the agent speaking
customer-speaking = the customer speaking
both-speaking = both speaking
silence = silence

## The transcript.

no-matches = No matches
# Which search match is shown: "2 of 7".
match-of = { $n } of { $total }
transcript-untimed = This transcript has no timings, so its turns cannot seek the recording.
follow-playback = Follow playback
search = Search
search-transcript = Search transcript
previous-match = Previous match
next-match = Next match
copy = Copy
copied = Copied
download-transcript-as = Download the transcript as
# Read by screen readers after a turn's time: "0:42, play from here".
play-from-here = , play from here
# A tool call's time button: "Play from 0:42".
play-from = Play from { $time }
arguments = Arguments
result = Result
arguments-and-result = Arguments and result
tool-call = Tool call
# The agent moving from one step of its script to another.
tool-node = Node
# Digits the caller pressed on the phone's keypad.
tool-keypad = Keypad
tool-result = Tool result
tool-succeeded = Succeeded
tool-failed = Failed
tool-returned = Returned
tool-no-result = No result
format-text = Text (.txt)
format-webvtt = Captions, WebVTT (.vtt)
format-srt = Captions, SubRip (.srt)
format-json = JSON (.json)

## Calls as they happen.

live-connecting = Live updates: connecting
live-connected = Live: calls appear as they happen
live-polling = Checking for new calls now and then
live-offline = Live updates paused: the connection is down
new-calls = { $n ->
    [one] ↑ { $n } new call
   *[other] ↑ { $n } new calls
}

## Keyboard shortcuts.

keyboard-shortcuts = Keyboard shortcuts
# The button's tooltip; "?" is the key that opens the list.
keyboard-shortcuts-key = Keyboard shortcuts (?)
shortcut-play-pause = Play or pause
shortcut-skip = Back or forward 10 seconds
shortcut-turns = Next or previous turn
shortcut-search = Search
shortcut-close = Close the call
shortcut-help = Show these shortcuts
shortcut-open = Open the focused call
# Key names in the list of shortcuts.
key-space = Space
key-esc = Esc
key-enter = Enter

## The providers' own values, as the filters and their chips name them.

choice-active = Active
choice-agent-hung-up = Agent hung up
choice-answered = Answered
choice-caller-hung-up = Caller hung up
choice-dial-failed = Dial failed
choice-ended = Ended
choice-error = Error
choice-in-queue = In queue
choice-inactivity = Inactivity
choice-initiated = Initiated
choice-max-duration-reached = Max duration reached
choice-negative = Negative
choice-neutral = Neutral
choice-not-completed = Not completed
choice-not-connected = Not connected
choice-not-evaluated = Not evaluated
choice-ongoing = Ongoing
choice-pending = Pending
choice-phone-call = Phone call
choice-positive = Positive
choice-processing = Processing
choice-queued = Queued
choice-registered = Registered
choice-timeout = Timeout
choice-unknown-error = Unknown error
choice-user-declined = User declined
choice-user-hung-up = User hung up
choice-voicemail-reached = Voicemail reached
choice-web-call = Web call

## What the search field suggests, where the provider searches something
## other than everything.

search-hint-phone-or-sid = Phone number or call SID
search-hint-id-or-phone = Call ID or phone number
search-hint-conversation = Words in the conversation
search-hint-transcript = Words in the transcript

## Labels of the providers' details (the call's Details section, the column chooser).

extra-actions = Actions
extra-answered-by = Answered by
extra-appointment-booked = Appointment booked
extra-batch = Batch
extra-call-sid = Call SID
extra-call-log = Call log
extra-call-type = Call type
extra-completed = Completed
extra-email = Email
extra-error = Error
extra-intent = Intent
extra-lead = Lead
extra-notes = Notes
extra-reached-voicemail = Reached voicemail
extra-success-evaluation = Success evaluation
extra-telephony-sid = Telephony SID
extra-test-call = Test call
extra-went-to-voicemail = Went to voicemail

## Latency figures (the call's Latency section).

latency-end-to-end = End-to-end
latency-text-to-speech = Text-to-speech
latency-speech-recognition = Speech recognition
latency-transcriber-avg = Transcriber (avg)
latency-agent-avg = Agent (avg)
latency-synthesizer-avg = Synthesizer (avg)
latency-turn-avg = Turn latency (avg)

## What a failure says (under its heading). { $detail } is the provider's
## own message, { $status } an HTTP status code.

# Our words, then the provider's message: "Request rejected: limit must be <= 100".
with-detail = { $text }: { $detail }
error-unauthorized-message = The provider did not accept the proxy's credentials (HTTP 401)
error-forbidden-message = Access to these calls is not allowed (HTTP 403)
error-not-found-message = Not found (HTTP 404)
error-validation-message = The provider rejected the request
# { $text } is "Too many requests"; { $seconds } a whole number.
retry-in = { $text }; try again in { $seconds } s
# { $time } is a UTC date and time (ISO 8601).
retry-after = { $text }; try again after { $time }
error-server-message = The provider had a problem (HTTP { $status })
error-reported-message = The provider reported an error
error-refused-message = The provider refused the request (HTTP { $status })
# { $reason } is what the browser said, or network-failed.
error-network-message = Could not reach the proxy: { $reason }
network-failed = the request failed (offline, blocked by CORS, or the proxy is down)
# { $time } is e.g. "20 seconds".
error-timeout-message = No answer within { $time }
seconds = { $n ->
    [one] { $n } second
   *[other] { $n } seconds
}
# { $reason } is what was wrong with the answer (the messages below, or a
# technical detail for the integrator).
error-unreadable-message = The response could not be read: { $reason }
response-empty = the response was empty
response-html = the response is HTML, not JSON (is the proxy URL right?)
response-cut-off = the response was cut off
response-not-json = the response is not valid JSON
no-provider-answered = no provider's calls answered behind this proxy URL
recording-link-not-http = the recording link is not an http(s) URL
no-recording-link = the provider returned no link for this recording
no-mono-recording = the call has no mono recording link
no-recording-link-in-answer = the answer holds no recording link

## A query the provider cannot take: what is wrong, and what to do.

# { $provider } is the voice-AI company, { $filter } a filter's name.
cannot-filter = { $provider } cannot filter by { $filter }
# { $field } is one of the sort-* words below.
cannot-sort = { $provider } cannot sort by { $field }
# "1.5" is not a valid duration for Bland.
invalid-value = "{ $value }" is not a valid { $what } for { $provider }
filters-conflict = { $provider } cannot filter by { $first } and { $second } at once
invalid-call-id = "{ $id }" is not a call id
# A page number, in invalid-value.
page = page
start-not-before-end = the start is not before the end
minimum-above-maximum = the minimum is above the maximum
sort-start-time = start time
sort-end-time = end time
sort-creation-time = creation time
sort-update-time = update time
sort-duration = duration
sort-latency = latency
# “{ $attr }” is one of the page's settings (agent-id, campaign-id,
# contact-id, phone-number) and stays as it is.
remedy-remove-pin = Remove the page's “{ $attr }” setting: this provider's calls cannot be pinned to one record.
# { $others } lists other settings joined by list-or: “agent-id” or “phone-number”.
remedy-pin-instead = Remove the page's “{ $attr }” setting, or pin with { $others } instead.
list-or = or
remedy-clear-filter = Clear the { $filter } filter.
remedy-conflict = Use the { $first } or the { $second } filter, not both.
remedy-change-value = Change or clear the { $filter } filter.
remedy-choose-page = Choose another page.
remedy-choose-sort = Choose another sort.
remedy-check-call-id = Check the call id the page asks to open.
