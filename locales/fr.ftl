# The widget's words in English: the source every other catalog follows.
#
# Each message is text with { $name } placeholders, or a plural that
# chooses by a count ({ $n -> [one] … *[other] … }). A comment above a
# message says where it shows, for translators. Terms used throughout:
# call, agent (the voice AI), customer (the person called or calling),
# recording, transcript, provider (the voice-AI company), proxy (the
# integrator's server the widget asks).

## Call statuses (a column, the status filter, the call's facts).

status-scheduled = Planifié
status-ringing = Sonnerie
status-in-progress = En cours
status-completed = Terminé
status-voicemail = Messagerie vocale
status-no-answer = Sans réponse
status-busy = Occupé
status-canceled = Annulé
status-failed = Échec
# An unknown status, direction or caller.
unknown = Inconnu

## Call directions.

direction-inbound = Entrant
direction-outbound = Sortant
# A call from a browser, not a phone.
# Same as English on purpose.
direction-web = Web

## Speakers (transcript, timeline, transcript download).

# Same as English on purpose.
speaker-agent = Agent
speaker-customer = Client
speaker-other = Autre
# A speaker in a downloaded transcript who is neither agent nor customer.
speaker = Intervenant

## Why a call ended (the call's facts, the end reason column).

ended-customer-hung-up = Le client a raccroché
ended-agent-ended = L'agent a mis fin à l'appel
ended-nobody-answered = Personne n'a répondu
ended-line-busy = La ligne était occupée
ended-not-placed = L'appel n'a pas pu être passé
ended-voicemail = Messagerie vocale atteinte
ended-time-limit = Durée maximale atteinte
ended-silence = Terminé après un silence
ended-transferred = Transféré
ended-error = Interrompu par une erreur

## How a call went (the outcome column, the call's facts).

outcome-successful = Réussi
outcome-not-successful = Non réussi
outcome-appointment-booked = Rendez-vous pris
outcome-no-appointment = Aucun rendez-vous

## The header row of a CSV export (a spreadsheet's column titles).

csv-id = ID de l'appel
csv-provider = Fournisseur
csv-started-at = Début
# Same as English on purpose.
csv-direction = Direction
csv-status = Statut
csv-customer-name = Nom du client
csv-customer-number = Numéro du client
# Same as English on purpose.
csv-agent = Agent
csv-agent-number = Numéro de l'agent
csv-campaign = Campagne
csv-duration-seconds = Durée (secondes)
csv-outcome = Résultat
csv-successful = Réussi
# Same as English on purpose.
csv-sentiment = Sentiment
csv-end-reason = Motif de fin
csv-cost = Coût
csv-cost-unit = Unité de coût
csv-summary = Résumé

## The widget's own state.

# Shown before the integrator has configured the widget; "proxy-url" and
# "proxyUrl" are the setting's names and stay as they are.
no-proxy-url = URL du proxy manquante : renseignez proxy-url (proxyUrl) avec l'adresse de votre proxy.
retry = Réessayer

## The call table's column headers.

column-time = Heure
# Same as English on purpose.
column-direction = Direction
column-customer = Client
# Same as English on purpose.
column-agent = Agent
column-duration = Durée
column-status = Statut
column-outcome = Résultat

## Filter names (the filter bar's labels, an active filter's chip).

filter-status = Statut
# Same as English on purpose.
filter-direction = Direction
filter-call-type = Type d'appel
# Same as English on purpose.
filter-agent = Agent
filter-campaign = Campagne
# Same as English on purpose.
filter-contact = Contact
filter-phone = Numéro de téléphone
filter-search = Recherche
filter-end-reason = Motif de fin
# Same as English on purpose.
filter-sentiment = Sentiment
filter-outcome = Résultat
filter-date-range = Période
filter-duration = Durée

## Cells of the call table.

# A customer cell for a call whose provider gives neither name nor number
# (the call's title shows above it).
no-caller-details = Appelant non identifié
yes = Oui
no = Non

## The call list's states.

loading-calls = Chargement des appels…
calls-not-loaded = Impossible de charger les appels.
no-calls-match = Aucun appel ne correspond à ces filtres.
no-calls-yet = Aucun appel pour l'instant.
clear-filters = Effacer les filtres
# Calls the provider sent that the widget could not read.
calls-skipped = { $n ->
    [one] { $n } appel de cette page n'a pas pu être lu et n'est pas affiché.
    [many] { $n } d'appels de cette page n'ont pas pu être lus et ne sont pas affichés.
   *[other] { $n } appels de cette page n'ont pas pu être lus et ne sont pas affichés.
}

## The filter bar.

filters = Filtres
# The filters' button when some are set (read by screen readers).
filters-active = { $n ->
    [one] Filtres, { $n } actif
    [many] Filtres, { $n } actifs
   *[other] Filtres, { $n } actifs
}
more-filters = Plus de filtres
filter-calls = Filtrer les appels
active-filters = Filtres actifs
# A chip's remove button; { $filter } is e.g. "Status: Completed".
remove-filter = Retirer le filtre { $filter }
clear-all = Tout effacer
any-status = Tous les statuts
any-type = Tous les types
any-sentiment = Tous les sentiments
any-outcome = Tous les résultats
any-reason = Tous les motifs
any-direction = Toutes les directions
search-calls = Rechercher des appels
agent-id = ID de l'agent
campaign-id = ID de la campagne
contact-id = ID du contact
date-from = Du
date-to = Au
min-minutes = Minutes min.
max-minutes = Minutes max.
# A date range chip: from a date on, or until a date.
from-date = à partir du { $date }
until-date = jusqu'au { $date }

## The pager.

# Which calls of how many are shown: "41–60 of 1,901".
calls-range = { $first }–{ $last } sur { $total }
no-calls = Aucun appel
previous-page = ‹ Précédent
next-page = Suivant ›
rows-per-page = Lignes par page
# Same as English on purpose.
pagination = Pagination
# Same as English on purpose.
page-n = Page { $n }
# The call table's caption (read by screen readers).
calls = Appels

## Failures: a notice's heading, and what it says.

error-access-denied = Accès refusé
error-not-found = Introuvable
error-rejected = Requête rejetée
error-too-many-requests = Trop de requêtes
error-provider = Erreur du fournisseur
error-connection = Problème de connexion
error-timed-out = Délai d'attente dépassé
error-unreadable = Réponse illisible
error-filter-unavailable = Filtre indisponible
error-cancelled = Annulé
call-view-unavailable = Impossible de charger la vue de l'appel
# "callboard" is the widget's name and stays as it is.
call-view-unavailable-message = Le code de callboard pour la vue de l'appel ne s'est pas chargé : erreur réseau, ou callboard a été mis à jour depuis l'ouverture de cette page. Réessayez ou rechargez la page.
controls-unavailable = Filtres et pages indisponibles
controls-unavailable-message = Le code de callboard pour les filtres et les pages ne s'est pas chargé : erreur réseau, ou callboard a été mis à jour depuis l'ouverture de cette page. Réessayez ou rechargez la page.

## The list's tools: the column chooser and Export.

columns = Colonnes
columns-shown = Colonnes affichées

## The open call: its panel and facts.

call-details = Détails de l'appel
close-call-details = Fermer les détails de l'appel
# Back to the list from a call (narrow layout).
back-to-calls = ‹ Appels
loading-call-details = Chargement des détails de l'appel…
fact-when = Date
# Same as English on purpose.
fact-direction = Direction
fact-duration = Durée
fact-status = Statut
fact-ended = Fin
fact-outcome = Résultat
# Same as English on purpose.
fact-sentiment = Sentiment
fact-customer = Client
fact-customer-number = Numéro du client
# Same as English on purpose.
fact-agent = Agent
# The phone number the agent called from or answered on.
fact-agent-line = Ligne de l'agent
fact-campaign = Campagne
fact-cost = Coût
provider-details = Détails du fournisseur
details = Détails
# A link among the provider's details.
open-link = Ouvrir
export = Exporter
export-calls = Exporter les appels
cancel = Annuler
export-this-page = Cette page en CSV
# { $cap } is a number, e.g. "5,000".
export-all-pages = Toutes les pages en CSV (jusqu'à { $cap } appels)
# Progress of an export of all pages: "Exporting… 300 of 2,000 calls".
exporting-of = Export en cours… { $n } sur { $total } appels
exporting = { $n ->
    [one] Export en cours… { $n } appel
    [many] Export en cours… { $n } d'appels
   *[other] Export en cours… { $n } appels
}
exported = { $n ->
    [one] { $n } appel exporté
    [many] { $n } d'appels exportés
   *[other] { $n } appels exportés
}
# The export stops at a cap, e.g. "Exported the first 5,000 calls".
exported-first = { $n } premiers appels exportés
# { $error } is the failure's description.
export-stopped = Export interrompu : { $error }

## The open call's sections.

section-recording = Enregistrement
section-transcript = Transcription
# The section around the transcript and the speakers' timeline.
# Same as English on purpose.
section-conversation = Conversation
section-call = Appel
section-call-facts = Informations sur l'appel
section-summary = Résumé
section-latency = Latence
no-transcript = Aucune transcription n'est disponible pour cet appel.
# { $provider } is the voice-AI company's name (e.g. "Bland").
provider-has-no-transcripts = { $provider } ne fournit pas de transcriptions d'appels.

## The recording player.

recording-when-call-ends = L'enregistrement sera disponible à la fin de l'appel.
no-recording = Aucun enregistrement n'est disponible pour cet appel.
provider-has-no-recordings = { $provider } ne fournit pas d'enregistrements d'appels.
recording-failed-expired = Impossible de charger l'enregistrement : son lien a peut-être expiré.
recording-failed = Impossible de charger l'enregistrement.
download = Télécharger
get-fresh-link = Obtenir un nouveau lien
play = Lire
pause = Mettre en pause
# The skip buttons show "−10s" and "+10s"; these are their spoken names.
back-10-seconds = −10s : reculer de 10 secondes
forward-10-seconds = +10s : avancer de 10 secondes
link-copied = Lien copié
# "moment-url" is the setting's name and stays as it is.
moment-url-not-http = Le réglage moment-url n'est pas un lien http(s)
copy-moment-link = Copier le lien vers ce moment
seek = Position de lecture
# Where the recording is, read by screen readers: "1:05 of 4:10".
position-of-length = { $position } sur { $length }
unknown-length = durée inconnue
speed = Vitesse
# Audio channels: both speakers mixed, or one speaker per ear.
channels = Canaux
# Same as English on purpose.
mono = Mono
stereo = Stéréo
copy-failed = Échec de la copie

## The speakers' timeline.

who-spoke-when = Qui a parlé quand
# Read by screen readers as the timeline's value: "0:42 of 3:10, the agent speaking".
spoken-at = { $position } sur { $length }, { $who }
agent-speaking = l'agent parle
customer-speaking = le client parle
both-speaking = les deux parlent
# Same as English on purpose.
silence = silence

## The transcript.

no-matches = Aucun résultat
# Which search match is shown: "2 of 7".
match-of = { $n } sur { $total }
transcript-untimed = Cette transcription n'a pas d'horodatage : ses tours de parole ne permettent pas de se déplacer dans l'enregistrement.
follow-playback = Suivre la lecture
search = Rechercher
search-transcript = Rechercher dans la transcription
previous-match = Résultat précédent
next-match = Résultat suivant
copy = Copier
copied = Copié
download-transcript-as = Télécharger la transcription en
# Read by screen readers after a turn's time: "0:42, play from here".
play-from-here = , lire à partir d'ici
# A tool call's time button: "Play from 0:42".
play-from = Lire à partir de { $time }
arguments = Paramètres
result = Résultat
arguments-and-result = Paramètres et résultat
tool-call = Appel d'outil
# The agent moving from one step of its script to another.
tool-node = Nœud
# Digits the caller pressed on the phone's keypad.
tool-keypad = Clavier
tool-result = Résultat de l'outil
tool-succeeded = Réussi
tool-failed = Échec
tool-returned = Renvoyé
tool-no-result = Aucun résultat
format-text = Texte (.txt)
format-webvtt = Sous-titres, WebVTT (.vtt)
format-srt = Sous-titres, SubRip (.srt)
# Same as English on purpose.
format-json = JSON (.json)

## Calls as they happen.

live-connecting = Mises à jour en direct : connexion en cours
live-connected = En direct : les appels s'affichent en temps réel
live-polling = Recherche périodique de nouveaux appels
live-offline = Mises à jour en direct suspendues : connexion interrompue
new-calls = { $n ->
    [one] ↑ { $n } nouvel appel
    [many] ↑ { $n } de nouveaux appels
   *[other] ↑ { $n } nouveaux appels
}

## Keyboard shortcuts.

keyboard-shortcuts = Raccourcis clavier
# The button's tooltip; "?" is the key that opens the list.
keyboard-shortcuts-key = Raccourcis clavier (?)
shortcut-play-pause = Lire ou mettre en pause
shortcut-skip = Reculer ou avancer de 10 secondes
shortcut-turns = Tour de parole suivant ou précédent
shortcut-search = Rechercher
shortcut-close = Fermer l'appel
shortcut-help = Afficher ces raccourcis
shortcut-open = Ouvrir l'appel sélectionné
# Key names in the list of shortcuts.
key-space = Espace
key-esc = Échap
key-enter = Entrée

## The providers' own values, as the filters and their chips name them.

choice-active = Actif
choice-agent-hung-up = L'agent a raccroché
choice-answered = Répondu
choice-caller-hung-up = L'appelant a raccroché
choice-dial-failed = Échec de la numérotation
choice-ended = Terminé
choice-error = Erreur
choice-in-queue = En file d'attente
choice-inactivity = Inactivité
choice-initiated = Initié
choice-max-duration-reached = Durée maximale atteinte
choice-negative = Négatif
choice-neutral = Neutre
choice-not-completed = Non terminé
choice-not-connected = Non connecté
choice-not-evaluated = Non évalué
choice-ongoing = En cours
choice-pending = En attente
choice-phone-call = Appel téléphonique
choice-positive = Positif
choice-processing = En traitement
choice-queued = En file d'attente
choice-registered = Enregistré
choice-timeout = Délai d'attente dépassé
choice-unknown-error = Erreur inconnue
choice-user-declined = Refusé par l'utilisateur
choice-user-hung-up = L'utilisateur a raccroché
choice-voicemail-reached = Messagerie vocale atteinte
choice-web-call = Appel web

## What the search field suggests, where the provider searches something
## other than everything.

search-hint-phone-or-sid = Numéro de téléphone ou SID de l'appel
search-hint-id-or-phone = ID de l'appel ou numéro de téléphone
search-hint-conversation = Mots de la conversation
search-hint-transcript = Mots de la transcription

## Labels of the providers' details (the call's Details section, the column chooser).

# Same as English on purpose.
extra-actions = Actions
extra-answered-by = Répondu par
extra-appointment-booked = Rendez-vous pris
extra-batch = Lot
extra-call-sid = SID de l'appel
extra-call-log = Journal de l'appel
extra-call-type = Type d'appel
extra-completed = Terminé
extra-email = E-mail
extra-error = Erreur
extra-intent = Intention
extra-lead = Prospect
# Same as English on purpose.
extra-notes = Notes
extra-reached-voicemail = Messagerie vocale atteinte
extra-success-evaluation = Évaluation de la réussite
extra-telephony-sid = SID de téléphonie
extra-test-call = Appel de test
extra-went-to-voicemail = Basculé sur la messagerie

## Latency figures (the call's Latency section).

latency-end-to-end = De bout en bout
latency-text-to-speech = Synthèse vocale
latency-speech-recognition = Reconnaissance vocale
latency-transcriber-avg = Transcripteur (moy.)
latency-agent-avg = Agent (moy.)
latency-synthesizer-avg = Synthétiseur (moy.)
latency-turn-avg = Latence par tour (moy.)

## What a failure says (under its heading). { $detail } is the provider's
## own message, { $status } an HTTP status code.

# Our words, then the provider's message: "Request rejected: limit must be <= 100".
with-detail = { $text } : { $detail }
error-unauthorized-message = Le fournisseur n'a pas accepté les identifiants du proxy (HTTP 401)
error-forbidden-message = L'accès à ces appels n'est pas autorisé (HTTP 403)
error-not-found-message = Introuvable (HTTP 404)
error-validation-message = Le fournisseur a rejeté la requête
# { $text } is "Too many requests"; { $seconds } a whole number.
retry-in = { $text } ; réessayez dans { $seconds } s
# { $time } is a UTC date and time (ISO 8601).
retry-after = { $text } ; réessayez après { $time }
error-server-message = Le fournisseur a rencontré un problème (HTTP { $status })
error-reported-message = Le fournisseur a signalé une erreur
error-refused-message = Le fournisseur a refusé la requête (HTTP { $status })
# { $reason } is what the browser said, or network-failed.
error-network-message = Impossible de joindre le proxy : { $reason }
network-failed = la requête a échoué (hors ligne, bloquée par CORS, ou le proxy est indisponible)
# { $time } is e.g. "20 seconds".
error-timeout-message = Aucune réponse dans un délai de { $time }
seconds = { $n ->
    [one] { $n } seconde
    [many] { $n } secondes
   *[other] { $n } secondes
}
# { $reason } is what was wrong with the answer (the messages below, or a
# technical detail for the integrator).
error-unreadable-message = Impossible de lire la réponse : { $reason }
response-empty = la réponse était vide
response-html = la réponse est du HTML, pas du JSON (l'URL du proxy est-elle correcte ?)
response-cut-off = la réponse a été tronquée
response-not-json = la réponse n'est pas du JSON valide
no-provider-answered = aucun fournisseur n'a répondu avec des appels derrière cette URL du proxy
recording-link-not-http = le lien de l'enregistrement n'est pas une URL http(s)
no-recording-link = le fournisseur n'a renvoyé aucun lien pour cet enregistrement
no-mono-recording = l'appel n'a pas de lien d'enregistrement mono
no-recording-link-in-answer = la réponse ne contient aucun lien d'enregistrement

## A query the provider cannot take: what is wrong, and what to do.

# { $provider } is the voice-AI company, { $filter } a filter's name.
cannot-filter = { $provider } ne prend pas en charge le filtre { $filter }
# { $field } is one of the sort-* words below.
cannot-sort = { $provider } ne permet pas de trier par { $field }
# "1.5" is not a valid duration for Bland.
invalid-value = « { $value } » n'est pas une valeur de { $what } valide pour { $provider }
filters-conflict = { $provider } ne permet pas d'utiliser à la fois les filtres { $first } et { $second }
invalid-call-id = « { $id } » n'est pas un ID d'appel
# A page number, in invalid-value.
# Same as English on purpose.
page = page
start-not-before-end = le début n'est pas antérieur à la fin
minimum-above-maximum = le minimum est supérieur au maximum
sort-start-time = heure de début
sort-end-time = heure de fin
sort-creation-time = date de création
sort-update-time = date de mise à jour
sort-duration = durée
sort-latency = latence
# “{ $attr }” is one of the page's settings (agent-id, campaign-id,
# contact-id, phone-number) and stays as it is.
remedy-remove-pin = Retirez le réglage “{ $attr }” de la page : les appels de ce fournisseur ne peuvent pas être limités à une seule fiche.
# { $others } lists other settings joined by list-or: “agent-id” or “phone-number”.
remedy-pin-instead = Retirez le réglage “{ $attr }” de la page, ou limitez plutôt les appels avec { $others }.
list-or = ou
remedy-clear-filter = Effacez le filtre { $filter }.
remedy-conflict = Utilisez le filtre { $first } ou le filtre { $second }, pas les deux.
remedy-change-value = Modifiez ou effacez le filtre { $filter }.
remedy-choose-page = Choisissez une autre page.
remedy-choose-sort = Choisissez un autre tri.
remedy-check-call-id = Vérifiez l'ID de l'appel que la page demande d'ouvrir.
