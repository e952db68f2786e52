# The widget's words in English: the source every other catalog follows.
#
# Each message is text with { $name } placeholders, or a plural that
# chooses by a count ({ $n -> [one] … *[other] … }). A comment above a
# message says where it shows, for translators. Terms used throughout:
# call, agent (the voice AI), customer (the person called or calling),
# recording, transcript, provider (the voice-AI company), proxy (the
# integrator's server the widget asks).

## Call statuses (a column, the status filter, the call's facts).

status-scheduled = Geplant
status-ringing = Klingelt
status-in-progress = Läuft
status-completed = Abgeschlossen
status-voicemail = Mailbox
status-no-answer = Nicht angenommen
status-busy = Besetzt
status-canceled = Abgebrochen
status-failed = Fehlgeschlagen
# An unknown status, direction or caller.
unknown = Unbekannt

## Call directions.

direction-inbound = Eingehend
direction-outbound = Ausgehend
# A call from a browser, not a phone.
# Same as English on purpose.
direction-web = Web

## Speakers (transcript, timeline, transcript download).

# Same as English on purpose.
speaker-agent = Agent
speaker-customer = Kunde
speaker-other = Sonstige
# A speaker in a downloaded transcript who is neither agent nor customer.
speaker = Sprecher

## Why a call ended (the call's facts, the end reason column).

ended-customer-hung-up = Kunde hat aufgelegt
ended-agent-ended = Agent hat Anruf beendet
ended-nobody-answered = Niemand hat abgenommen
ended-line-busy = Leitung war besetzt
ended-not-placed = Anruf konnte nicht aufgebaut werden
ended-voicemail = Mailbox erreicht
ended-time-limit = Zeitlimit erreicht
ended-silence = Nach Stille beendet
ended-transferred = Weitergeleitet
ended-error = Durch Fehler beendet

## How a call went (the outcome column, the call's facts).

outcome-successful = Erfolgreich
outcome-not-successful = Nicht erfolgreich
outcome-appointment-booked = Termin gebucht
outcome-no-appointment = Kein Termin

## The header row of a CSV export (a spreadsheet's column titles).

csv-id = Anruf-ID
csv-provider = Anbieter
csv-started-at = Beginn
csv-direction = Richtung
# Same as English on purpose.
csv-status = Status
csv-customer-name = Kundenname
csv-customer-number = Kundenrufnummer
# Same as English on purpose.
csv-agent = Agent
csv-agent-number = Agent-Rufnummer
csv-campaign = Kampagne
csv-duration-seconds = Dauer (Sekunden)
csv-outcome = Ergebnis
csv-successful = Erfolgreich
csv-sentiment = Stimmung
csv-end-reason = Beendigungsgrund
csv-cost = Kosten
csv-cost-unit = Kosteneinheit
csv-summary = Zusammenfassung

## The widget's own state.

# Shown before the integrator has configured the widget; "proxy-url" and
# "proxyUrl" are the setting's names and stay as they are.
no-proxy-url = Noch keine Proxy-URL: Setzen Sie proxy-url (proxyUrl) auf die Adresse Ihres Proxys.
retry = Erneut versuchen

## The call table's column headers.

column-time = Zeit
column-direction = Richtung
column-customer = Kunde
# Same as English on purpose.
column-agent = Agent
column-duration = Dauer
# Same as English on purpose.
column-status = Status
column-outcome = Ergebnis

## Filter names (the filter bar's labels, an active filter's chip).

# Same as English on purpose.
filter-status = Status
filter-direction = Richtung
filter-call-type = Anruftyp
# Same as English on purpose.
filter-agent = Agent
filter-campaign = Kampagne
filter-contact = Kontakt
filter-phone = Telefonnummer
filter-search = Suche
filter-end-reason = Beendigungsgrund
filter-sentiment = Stimmung
filter-outcome = Ergebnis
filter-date-range = Zeitraum
filter-duration = Dauer

## Cells of the call table.

# A customer cell for a call whose provider gives neither name nor number
# (the call's title shows above it).
no-caller-details = Keine Anruferdaten
yes = Ja
no = Nein

## The call list's states.

loading-calls = Anrufe werden geladen…
calls-not-loaded = Anrufe konnten nicht geladen werden.
no-calls-match = Keine Anrufe für diese Filter.
no-calls-yet = Noch keine Anrufe.
clear-filters = Filter zurücksetzen
# Calls the provider sent that the widget could not read.
calls-skipped = { $n ->
    [one] { $n } Anruf auf dieser Seite konnte nicht gelesen werden und wird nicht angezeigt.
   *[other] { $n } Anrufe auf dieser Seite konnten nicht gelesen werden und werden nicht angezeigt.
}

## The filter bar.

filters = Filter
# The filters' button when some are set (read by screen readers).
filters-active = { $n ->
    [one] Filter, { $n } aktiv
   *[other] Filter, { $n } aktiv
}
more-filters = Weitere Filter
filter-calls = Anrufe filtern
active-filters = Aktive Filter
# A chip's remove button; { $filter } is e.g. "Status: Completed".
remove-filter = Filter { $filter } entfernen
clear-all = Alle zurücksetzen
any-status = Alle Status
any-type = Alle Typen
any-sentiment = Alle Stimmungen
any-outcome = Alle Ergebnisse
any-reason = Alle Gründe
any-direction = Alle Richtungen
search-calls = Anrufe durchsuchen
agent-id = Agent-ID
campaign-id = Kampagnen-ID
contact-id = Kontakt-ID
date-from = Von
date-to = Bis
min-minutes = Min. Minuten
max-minutes = Max. Minuten
# A date range chip: from a date on, or until a date.
from-date = ab { $date }
until-date = bis { $date }

## The pager.

# Which calls of how many are shown: "41–60 of 1,901".
calls-range = { $first }–{ $last } von { $total }
no-calls = Keine Anrufe
previous-page = ‹ Zurück
next-page = Weiter ›
rows-per-page = Zeilen pro Seite
pagination = Seitennavigation
page-n = Seite { $n }
# The call table's caption (read by screen readers).
calls = Anrufe

## Failures: a notice's heading, and what it says.

error-access-denied = Zugriff verweigert
error-not-found = Nicht gefunden
error-rejected = Anfrage abgelehnt
error-too-many-requests = Zu viele Anfragen
error-provider = Anbieterfehler
error-connection = Verbindungsproblem
error-timed-out = Zeitüberschreitung
error-unreadable = Antwort nicht lesbar
error-filter-unavailable = Filter nicht verfügbar
error-cancelled = Abgebrochen
call-view-unavailable = Anrufansicht konnte nicht geladen werden
# "callboard" is the widget's name and stays as it is.
call-view-unavailable-message = Der Code von callboard für die Anrufansicht wurde nicht geladen: Netzwerkfehler, oder callboard wurde nach dem Öffnen dieser Seite aktualisiert. Versuchen Sie es erneut oder laden Sie die Seite neu.
controls-unavailable = Filter und Seiten nicht verfügbar
controls-unavailable-message = Der Code von callboard für Filter und Seiten wurde nicht geladen: Netzwerkfehler, oder callboard wurde nach dem Öffnen dieser Seite aktualisiert. Versuchen Sie es erneut oder laden Sie die Seite neu.

## The list's tools: the column chooser and Export.

columns = Spalten
columns-shown = Angezeigte Spalten

## The open call: its panel and facts.

call-details = Anrufdetails
close-call-details = Anrufdetails schließen
# Back to the list from a call (narrow layout).
back-to-calls = ‹ Anrufe
loading-call-details = Anrufdetails werden geladen…
fact-when = Zeitpunkt
fact-direction = Richtung
fact-duration = Dauer
# Same as English on purpose.
fact-status = Status
fact-ended = Beendet
fact-outcome = Ergebnis
fact-sentiment = Stimmung
fact-customer = Kunde
fact-customer-number = Kundenrufnummer
# Same as English on purpose.
fact-agent = Agent
# The phone number the agent called from or answered on.
fact-agent-line = Agent-Leitung
fact-campaign = Kampagne
fact-cost = Kosten
provider-details = Anbieterdetails
# Same as English on purpose.
details = Details
# A link among the provider's details.
open-link = Öffnen
export = Exportieren
export-calls = Anrufe exportieren
cancel = Abbrechen
export-this-page = Diese Seite als CSV
# { $cap } is a number, e.g. "5,000".
export-all-pages = Alle Seiten als CSV (bis zu { $cap } Anrufe)
# Progress of an export of all pages: "Exporting… 300 of 2,000 calls".
exporting-of = Export läuft… { $n } von { $total } Anrufen
exporting = { $n ->
    [one] Export läuft… { $n } Anruf
   *[other] Export läuft… { $n } Anrufe
}
exported = { $n ->
    [one] { $n } Anruf exportiert
   *[other] { $n } Anrufe exportiert
}
# The export stops at a cap, e.g. "Exported the first 5,000 calls".
exported-first = Die ersten { $n } Anrufe exportiert
# { $error } is the failure's description.
export-stopped = Export abgebrochen: { $error }

## The open call's sections.

section-recording = Aufzeichnung
section-transcript = Transkript
# The section around the transcript and the speakers' timeline.
section-conversation = Gespräch
section-call = Anruf
section-call-facts = Anrufdaten
section-summary = Zusammenfassung
section-latency = Latenz
no-transcript = Für diesen Anruf ist kein Transkript verfügbar.
# { $provider } is the voice-AI company's name (e.g. "Bland").
provider-has-no-transcripts = { $provider } stellt keine Anruftranskripte bereit.

## The recording player.

recording-when-call-ends = Die Aufzeichnung ist nach Ende des Anrufs verfügbar.
no-recording = Für diesen Anruf ist keine Aufzeichnung verfügbar.
provider-has-no-recordings = { $provider } stellt keine Anrufaufzeichnungen bereit.
recording-failed-expired = Die Aufzeichnung konnte nicht geladen werden; ihr Link ist möglicherweise abgelaufen.
recording-failed = Die Aufzeichnung konnte nicht geladen werden.
download = Herunterladen
get-fresh-link = Neuen Link abrufen
play = Abspielen
pause = Pausieren
# The skip buttons show "−10s" and "+10s"; these are their spoken names.
back-10-seconds = −10s: 10 Sekunden zurück
forward-10-seconds = +10s: 10 Sekunden vor
link-copied = Link kopiert
# "moment-url" is the setting's name and stays as it is.
moment-url-not-http = Die Einstellung moment-url ist kein http(s)-Link
copy-moment-link = Link zu dieser Stelle kopieren
seek = Wiedergabeposition
# Where the recording is, read by screen readers: "1:05 of 4:10".
position-of-length = { $position } von { $length }
unknown-length = unbekannte Länge
speed = Tempo
# Audio channels: both speakers mixed, or one speaker per ear.
channels = Kanäle
# Same as English on purpose.
mono = Mono
# Same as English on purpose.
stereo = Stereo
copy-failed = Kopieren fehlgeschlagen

## The speakers' timeline.

who-spoke-when = Wer sprach wann
# Read by screen readers as the timeline's value: "0:42 of 3:10, the agent speaking".
spoken-at = { $position } von { $length }, { $who }
agent-speaking = der Agent spricht
customer-speaking = der Kunde spricht
both-speaking = beide sprechen
silence = Stille

## The transcript.

no-matches = Keine Treffer
# Which search match is shown: "2 of 7".
match-of = { $n } von { $total }
transcript-untimed = Dieses Transkript hat keine Zeitmarken, daher können seine Redebeiträge nicht zur Stelle in der Aufzeichnung springen.
follow-playback = Wiedergabe folgen
search = Suchen
search-transcript = Transkript durchsuchen
previous-match = Vorheriger Treffer
next-match = Nächster Treffer
copy = Kopieren
copied = Kopiert
download-transcript-as = Transkript herunterladen als
# Read by screen readers after a turn's time: "0:42, play from here".
play-from-here = , ab hier abspielen
# A tool call's time button: "Play from 0:42".
play-from = Ab { $time } abspielen
arguments = Argumente
result = Ergebnis
arguments-and-result = Argumente und Ergebnis
tool-call = Tool-Aufruf
# The agent moving from one step of its script to another.
tool-node = Knoten
# Digits the caller pressed on the phone's keypad.
tool-keypad = Tastenfeld
tool-result = Tool-Ergebnis
tool-succeeded = Erfolgreich
tool-failed = Fehlgeschlagen
tool-returned = Zurückgegeben
tool-no-result = Kein Ergebnis
# Same as English on purpose.
format-text = Text (.txt)
format-webvtt = Untertitel, WebVTT (.vtt)
format-srt = Untertitel, SubRip (.srt)
# Same as English on purpose.
format-json = JSON (.json)

## Calls as they happen.

live-connecting = Live-Updates: Verbindung wird hergestellt
live-connected = Live: Anrufe erscheinen in Echtzeit
live-polling = Regelmäßige Prüfung auf neue Anrufe
live-offline = Live-Updates pausiert: keine Verbindung
new-calls = { $n ->
    [one] ↑ { $n } neuer Anruf
   *[other] ↑ { $n } neue Anrufe
}

## Keyboard shortcuts.

keyboard-shortcuts = Tastenkürzel
# The button's tooltip; "?" is the key that opens the list.
keyboard-shortcuts-key = Tastenkürzel (?)
shortcut-play-pause = Abspielen oder pausieren
shortcut-skip = 10 Sekunden zurück oder vor
shortcut-turns = Nächster oder vorheriger Redebeitrag
shortcut-search = Suchen
shortcut-close = Anruf schließen
shortcut-help = Diese Tastenkürzel anzeigen
shortcut-open = Ausgewählten Anruf öffnen
# Key names in the list of shortcuts.
key-space = Leertaste
# Same as English on purpose.
key-esc = Esc
key-enter = Eingabe

## The providers' own values, as the filters and their chips name them.

choice-active = Aktiv
choice-agent-hung-up = Agent hat aufgelegt
choice-answered = Angenommen
choice-caller-hung-up = Anrufer hat aufgelegt
choice-dial-failed = Anwahl fehlgeschlagen
choice-ended = Beendet
choice-error = Fehler
choice-in-queue = In Warteschlange
choice-inactivity = Inaktivität
choice-initiated = Eingeleitet
choice-max-duration-reached = Maximale Dauer erreicht
choice-negative = Negativ
# Same as English on purpose.
choice-neutral = Neutral
choice-not-completed = Nicht abgeschlossen
choice-not-connected = Nicht verbunden
choice-not-evaluated = Nicht bewertet
choice-ongoing = Läuft
choice-pending = Ausstehend
choice-phone-call = Telefonanruf
choice-positive = Positiv
choice-processing = Wird verarbeitet
choice-queued = In Warteschlange
choice-registered = Registriert
choice-timeout = Zeitüberschreitung
choice-unknown-error = Unbekannter Fehler
choice-user-declined = Vom Nutzer abgelehnt
choice-user-hung-up = Nutzer hat aufgelegt
choice-voicemail-reached = Mailbox erreicht
choice-web-call = Webanruf

## What the search field suggests, where the provider searches something
## other than everything.

search-hint-phone-or-sid = Telefonnummer oder Anruf-SID
search-hint-id-or-phone = Anruf-ID oder Telefonnummer
search-hint-conversation = Wörter im Gespräch
search-hint-transcript = Wörter im Transkript

## Labels of the providers' details (the call's Details section, the column chooser).

extra-actions = Aktionen
extra-answered-by = Angenommen von
extra-appointment-booked = Termin gebucht
extra-batch = Stapel
extra-call-sid = Anruf-SID
extra-call-log = Anrufprotokoll
extra-call-type = Anruftyp
extra-completed = Abgeschlossen
extra-email = E-Mail
extra-error = Fehler
extra-intent = Anliegen
extra-lead = Interessent
extra-notes = Notizen
extra-reached-voicemail = Mailbox erreicht
extra-success-evaluation = Erfolgsbewertung
extra-telephony-sid = Telefonie-SID
extra-test-call = Testanruf
extra-went-to-voicemail = Mailbox angesprungen

## Latency figures (the call's Latency section).

latency-end-to-end = Ende-zu-Ende
latency-text-to-speech = Sprachsynthese
latency-speech-recognition = Spracherkennung
latency-transcriber-avg = Transkription (Durchschn.)
latency-agent-avg = Agent (Durchschn.)
latency-synthesizer-avg = Sprachausgabe (Durchschn.)
latency-turn-avg = Latenz je Redebeitrag (Durchschn.)

## What a failure says (under its heading). { $detail } is the provider's
## own message, { $status } an HTTP status code.

# Our words, then the provider's message: "Request rejected: limit must be <= 100".
# Same as English on purpose.
with-detail = { $text }: { $detail }
error-unauthorized-message = Der Anbieter hat die Zugangsdaten des Proxys nicht akzeptiert (HTTP 401)
error-forbidden-message = Der Zugriff auf diese Anrufe ist nicht erlaubt (HTTP 403)
error-not-found-message = Nicht gefunden (HTTP 404)
error-validation-message = Der Anbieter hat die Anfrage abgelehnt
# { $text } is "Too many requests"; { $seconds } a whole number.
retry-in = { $text }; versuchen Sie es in { $seconds } s erneut
# { $time } is a UTC date and time (ISO 8601).
retry-after = { $text }; versuchen Sie es nach { $time } erneut
error-server-message = Beim Anbieter ist ein Problem aufgetreten (HTTP { $status })
error-reported-message = Der Anbieter hat einen Fehler gemeldet
error-refused-message = Der Anbieter hat die Anfrage verweigert (HTTP { $status })
# { $reason } is what the browser said, or network-failed.
error-network-message = Der Proxy war nicht erreichbar: { $reason }
network-failed = die Anfrage ist fehlgeschlagen (keine Verbindung, durch CORS blockiert oder der Proxy ist nicht erreichbar)
# { $time } is e.g. "20 seconds".
error-timeout-message = Keine Antwort innerhalb von { $time }
seconds = { $n ->
    [one] { $n } Sekunde
   *[other] { $n } Sekunden
}
# { $reason } is what was wrong with the answer (the messages below, or a
# technical detail for the integrator).
error-unreadable-message = Die Antwort konnte nicht gelesen werden: { $reason }
response-empty = die Antwort war leer
response-html = die Antwort ist HTML, kein JSON (ist die Proxy-URL richtig?)
response-cut-off = die Antwort wurde abgeschnitten
response-not-json = die Antwort ist kein gültiges JSON
no-provider-answered = hinter dieser Proxy-URL hat kein Anbieter mit Anrufen geantwortet
recording-link-not-http = der Link zur Aufzeichnung ist keine http(s)-URL
no-recording-link = der Anbieter hat keinen Link für diese Aufzeichnung geliefert
no-mono-recording = der Anruf hat keinen Link zu einer Mono-Aufzeichnung
no-recording-link-in-answer = die Antwort enthält keinen Link zur Aufzeichnung

## A query the provider cannot take: what is wrong, and what to do.

# { $provider } is the voice-AI company, { $filter } a filter's name.
cannot-filter = { $provider } kann nicht nach „{ $filter }“ filtern
# { $field } is one of the sort-* words below.
cannot-sort = { $provider } kann nicht nach { $field } sortieren
# "1.5" is not a valid duration for Bland.
invalid-value = „{ $value }“ ist kein gültiger Wert für „{ $what }“ bei { $provider }
filters-conflict = { $provider } kann nicht gleichzeitig nach „{ $first }“ und „{ $second }“ filtern
invalid-call-id = „{ $id }“ ist keine Anruf-ID
# A page number, in invalid-value.
page = Seite
start-not-before-end = der Beginn liegt nicht vor dem Ende
minimum-above-maximum = das Minimum liegt über dem Maximum
sort-start-time = Startzeit
sort-end-time = Endzeit
sort-creation-time = Erstellungszeit
sort-update-time = Aktualisierungszeit
sort-duration = Dauer
sort-latency = Latenz
# “{ $attr }” is one of the page's settings (agent-id, campaign-id,
# contact-id, phone-number) and stays as it is.
remedy-remove-pin = Entfernen Sie die Einstellung “{ $attr }” der Seite: Die Anrufe dieses Anbieters lassen sich nicht auf einen Datensatz beschränken.
# { $others } lists other settings joined by list-or: “agent-id” or “phone-number”.
remedy-pin-instead = Entfernen Sie die Einstellung “{ $attr }” der Seite oder beschränken Sie die Anrufe stattdessen mit { $others }.
list-or = oder
remedy-clear-filter = Entfernen Sie den Filter „{ $filter }“.
remedy-conflict = Verwenden Sie den Filter „{ $first }“ oder „{ $second }“, nicht beide.
remedy-change-value = Ändern oder entfernen Sie den Filter „{ $filter }“.
remedy-choose-page = Wählen Sie eine andere Seite.
remedy-choose-sort = Wählen Sie eine andere Sortierung.
remedy-check-call-id = Prüfen Sie die Anruf-ID, die laut Seite geöffnet werden soll.
