# The widget's words in Spanish, translated from en.ftl (the source every
# other catalog follows).
#
# Each message is text with { $name } placeholders, or a plural that
# chooses by a count ({ $n -> [one] … [many] … *[other] … }). A comment
# above a message says where it shows, for translators. Terms used
# throughout: call = llamada, agent = agente (the voice AI), customer =
# cliente (the person called or calling), recording = grabación,
# transcript = transcripción, provider = proveedor (the voice-AI company),
# proxy = proxy (the integrator's server the widget asks), filter = filtro.
# The user is addressed with "usted" or impersonal forms, never "tú".

## Call statuses (a column, the status filter, the call's facts).

status-scheduled = Programada
status-ringing = Sonando
status-in-progress = En curso
status-completed = Completada
status-voicemail = Buzón de voz
status-no-answer = Sin respuesta
status-busy = Ocupado
status-canceled = Cancelada
status-failed = Fallida
# An unknown status, direction or caller.
unknown = Desconocido

## Call directions.

direction-inbound = Entrante
direction-outbound = Saliente
# A call from a browser, not a phone.
# Same as English on purpose.
direction-web = Web

## Speakers (transcript, timeline, transcript download).

speaker-agent = Agente
speaker-customer = Cliente
speaker-other = Otro
# A speaker in a downloaded transcript who is neither agent nor customer.
speaker = Interlocutor

## Why a call ended (the call's facts, the end reason column).

ended-customer-hung-up = El cliente colgó
ended-agent-ended = El agente finalizó la llamada
ended-nobody-answered = Nadie respondió
ended-line-busy = La línea estaba ocupada
ended-not-placed = No se pudo realizar la llamada
ended-voicemail = Contestó el buzón de voz
ended-time-limit = Se alcanzó el límite de tiempo
ended-silence = Finalizada por silencio
ended-transferred = Transferida
ended-error = Finalizada por un error

## How a call went (the outcome column, the call's facts).

outcome-successful = Exitosa
outcome-not-successful = No exitosa
outcome-appointment-booked = Cita programada
outcome-no-appointment = Sin cita

## The header row of a CSV export (a spreadsheet's column titles).

csv-id = ID de llamada
csv-provider = Proveedor
csv-started-at = Inicio
csv-direction = Dirección
csv-status = Estado
csv-customer-name = Nombre del cliente
csv-customer-number = Número del cliente
csv-agent = Agente
csv-agent-number = Número del agente
csv-campaign = Campaña
csv-duration-seconds = Duración (segundos)
csv-outcome = Resultado
csv-successful = Exitosa
csv-sentiment = Sentimiento
csv-end-reason = Motivo de finalización
csv-cost = Costo
csv-cost-unit = Unidad de costo
csv-summary = Resumen

## The widget's own state.

# Shown before the integrator has configured the widget; "proxy-url" and
# "proxyUrl" are the setting's names and stay as they are.
no-proxy-url = Aún no hay URL del proxy: configure proxy-url (proxyUrl) con la dirección de su proxy.
retry = Reintentar

## The call table's column headers.

column-time = Hora
column-direction = Dirección
column-customer = Cliente
column-agent = Agente
column-duration = Duración
column-status = Estado
column-outcome = Resultado

## Filter names (the filter bar's labels, an active filter's chip).

filter-status = Estado
filter-direction = Dirección
filter-call-type = Tipo de llamada
filter-agent = Agente
filter-campaign = Campaña
filter-contact = Contacto
filter-phone = Número de teléfono
filter-search = Buscar
filter-end-reason = Motivo de finalización
filter-sentiment = Sentimiento
filter-outcome = Resultado
filter-date-range = Rango de fechas
filter-duration = Duración

## Cells of the call table.

# A customer cell for a call whose provider gives neither name nor number
# (the call's title shows above it).
no-caller-details = Sin datos del cliente
yes = Sí
# Same as English on purpose.
no = No

## The call list's states.

loading-calls = Cargando llamadas…
calls-not-loaded = No se pudieron cargar las llamadas.
no-calls-match = Ninguna llamada coincide con estos filtros.
no-calls-yet = Aún no hay llamadas.
clear-filters = Borrar filtros
# Calls the provider sent that the widget could not read.
calls-skipped = { $n ->
    [one] { $n } llamada de esta página no se pudo leer y no se muestra.
    [many] { $n } llamadas de esta página no se pudieron leer y no se muestran.
   *[other] { $n } llamadas de esta página no se pudieron leer y no se muestran.
}

## The filter bar.

filters = Filtros
# The filters' button when some are set (read by screen readers).
filters-active = { $n ->
    [one] Filtros, { $n } activo
    [many] Filtros, { $n } activos
   *[other] Filtros, { $n } activos
}
more-filters = Más filtros
filter-calls = Filtrar llamadas
active-filters = Filtros activos
# A chip's remove button; { $filter } is e.g. "Status: Completed".
remove-filter = Quitar filtro { $filter }
clear-all = Borrar todo
any-status = Cualquier estado
any-type = Cualquier tipo
any-sentiment = Cualquier sentimiento
any-outcome = Cualquier resultado
any-reason = Cualquier motivo
any-direction = Cualquier dirección
search-calls = Buscar llamadas
agent-id = ID del agente
campaign-id = ID de campaña
contact-id = ID de contacto
date-from = Desde
date-to = Hasta
min-minutes = Minutos mín.
max-minutes = Minutos máx.
# A date range chip: from a date on, or until a date.
from-date = desde { $date }
until-date = hasta { $date }

## The pager.

# Which calls of how many are shown: "41–60 of 1,901".
calls-range = { $first }–{ $last } de { $total }
no-calls = Sin llamadas
previous-page = ‹ Anterior
next-page = Siguiente ›
rows-per-page = Filas por página
pagination = Paginación
page-n = Página { $n }
# The call table's caption (read by screen readers).
calls = Llamadas

## Failures: a notice's heading, and what it says.

error-access-denied = Acceso denegado
error-not-found = No encontrado
error-rejected = Solicitud rechazada
error-too-many-requests = Demasiadas solicitudes
error-provider = Error del proveedor
error-connection = Problema de conexión
error-timed-out = Tiempo de espera agotado
error-unreadable = Respuesta ilegible
error-filter-unavailable = Filtro no disponible
error-cancelled = Cancelado
call-view-unavailable = No se pudo cargar la vista de la llamada
# "callboard" is the widget's name and stays as it is.
call-view-unavailable-message = No se cargó el código de callboard para la vista de la llamada: falló la red o callboard se actualizó después de abrir esta página. Reintente o vuelva a cargar la página.
controls-unavailable = Filtros y páginas no disponibles
controls-unavailable-message = No se cargó el código de callboard para los filtros y las páginas: falló la red o callboard se actualizó después de abrir esta página. Reintente o vuelva a cargar la página.

## The list's tools: the column chooser and Export.

columns = Columnas
columns-shown = Columnas visibles

## The open call: its panel and facts.

call-details = Detalles de la llamada
close-call-details = Cerrar detalles de la llamada
# Back to the list from a call (narrow layout).
back-to-calls = ‹ Llamadas
loading-call-details = Cargando detalles de la llamada…
fact-when = Fecha
fact-direction = Dirección
fact-duration = Duración
fact-status = Estado
fact-ended = Finalización
fact-outcome = Resultado
fact-sentiment = Sentimiento
fact-customer = Cliente
fact-customer-number = Número del cliente
fact-agent = Agente
# The phone number the agent called from or answered on.
fact-agent-line = Línea del agente
fact-campaign = Campaña
fact-cost = Costo
provider-details = Detalles del proveedor
details = Detalles
# A link among the provider's details.
open-link = Abrir
export = Exportar
export-calls = Exportar llamadas
cancel = Cancelar
export-this-page = Esta página en CSV
# { $cap } is a number, e.g. "5,000".
export-all-pages = Todas las páginas en CSV (hasta { $cap } llamadas)
# Progress of an export of all pages: "Exporting… 300 of 2,000 calls".
exporting-of = Exportando… { $n } de { $total } llamadas
exporting = { $n ->
    [one] Exportando… { $n } llamada
    [many] Exportando… { $n } llamadas
   *[other] Exportando… { $n } llamadas
}
exported = { $n ->
    [one] Se exportó { $n } llamada
    [many] Se exportaron { $n } llamadas
   *[other] Se exportaron { $n } llamadas
}
# The export stops at a cap, e.g. "Exported the first 5,000 calls".
exported-first = Se exportaron las primeras { $n } llamadas
# { $error } is the failure's description.
export-stopped = Exportación detenida: { $error }

## The open call's sections.

section-recording = Grabación
section-transcript = Transcripción
# The section around the transcript and the speakers' timeline.
section-conversation = Conversación
section-call = Llamada
section-call-facts = Datos de la llamada
section-summary = Resumen
section-latency = Latencia
no-transcript = No hay transcripción disponible para esta llamada.
# { $provider } is the voice-AI company's name (e.g. "Bland").
provider-has-no-transcripts = { $provider } no proporciona transcripciones de llamadas.

## The recording player.

recording-when-call-ends = La grabación estará disponible cuando finalice la llamada.
no-recording = No hay grabación disponible para esta llamada.
provider-has-no-recordings = { $provider } no proporciona grabaciones de llamadas.
recording-failed-expired = No se pudo cargar la grabación; es posible que su enlace haya caducado.
recording-failed = No se pudo cargar la grabación.
download = Descargar
get-fresh-link = Obtener un enlace nuevo
play = Reproducir
pause = Pausar
# The skip buttons show "−10s" and "+10s"; these are their spoken names.
back-10-seconds = −10s: retroceder 10 segundos
forward-10-seconds = +10s: avanzar 10 segundos
link-copied = Enlace copiado
# "moment-url" is the setting's name and stays as it is.
moment-url-not-http = La configuración moment-url no es un enlace http(s)
copy-moment-link = Copiar enlace a este momento
seek = Posición
# Where the recording is, read by screen readers: "1:05 of 4:10".
position-of-length = { $position } de { $length }
unknown-length = duración desconocida
speed = Velocidad
# Audio channels: both speakers mixed, or one speaker per ear.
channels = Canales
# Same as English on purpose.
mono = Mono
stereo = Estéreo
copy-failed = No se pudo copiar

## The speakers' timeline.

who-spoke-when = Quién habló y cuándo
# Read by screen readers as the timeline's value: "0:42 of 3:10, the agent speaking".
spoken-at = { $position } de { $length }, { $who }
agent-speaking = habla el agente
customer-speaking = habla el cliente
both-speaking = hablan ambos
silence = silencio

## The transcript.

no-matches = Sin coincidencias
# Which search match is shown: "2 of 7".
match-of = { $n } de { $total }
transcript-untimed = Esta transcripción no tiene marcas de tiempo, así que sus turnos no llevan a un punto de la grabación.
follow-playback = Seguir la reproducción
search = Buscar
search-transcript = Buscar en la transcripción
previous-match = Coincidencia anterior
next-match = Coincidencia siguiente
copy = Copiar
copied = Copiado
download-transcript-as = Descargar la transcripción como
# Read by screen readers after a turn's time: "0:42, play from here".
play-from-here = , reproducir desde aquí
# A tool call's time button: "Play from 0:42".
play-from = Reproducir desde { $time }
arguments = Argumentos
result = Resultado
arguments-and-result = Argumentos y resultado
tool-call = Llamada a herramienta
# The agent moving from one step of its script to another.
tool-node = Nodo
# Digits the caller pressed on the phone's keypad.
tool-keypad = Teclado
tool-result = Resultado de la herramienta
tool-succeeded = Exitosa
tool-failed = Fallida
tool-returned = Devolvió
tool-no-result = Sin resultado
format-text = Texto (.txt)
format-webvtt = Subtítulos, WebVTT (.vtt)
format-srt = Subtítulos, SubRip (.srt)
# Same as English on purpose.
format-json = JSON (.json)

## Calls as they happen.

live-connecting = Actualizaciones en vivo: conectando
live-connected = En vivo: las llamadas aparecen en tiempo real
live-polling = Buscando llamadas nuevas periódicamente
live-offline = Actualizaciones en vivo en pausa: sin conexión
new-calls = { $n ->
    [one] ↑ { $n } llamada nueva
    [many] ↑ { $n } llamadas nuevas
   *[other] ↑ { $n } llamadas nuevas
}

## Keyboard shortcuts.

keyboard-shortcuts = Atajos de teclado
# The button's tooltip; "?" is the key that opens the list.
keyboard-shortcuts-key = Atajos de teclado (?)
shortcut-play-pause = Reproducir o pausar
shortcut-skip = Retroceder o avanzar 10 segundos
shortcut-turns = Turno siguiente o anterior
shortcut-search = Buscar
shortcut-close = Cerrar la llamada
shortcut-help = Mostrar estos atajos
shortcut-open = Abrir la llamada seleccionada
# Key names in the list of shortcuts.
key-space = Espacio
# Same as English on purpose.
key-esc = Esc
key-enter = Intro

## The providers' own values, as the filters and their chips name them.

choice-active = Activa
choice-agent-hung-up = El agente colgó
choice-answered = Contestada
choice-caller-hung-up = Colgó quien llamó
choice-dial-failed = Falló la marcación
choice-ended = Finalizada
# Same as English on purpose.
choice-error = Error
choice-in-queue = En cola
choice-inactivity = Inactividad
choice-initiated = Iniciada
choice-max-duration-reached = Se alcanzó la duración máxima
choice-negative = Negativo
choice-neutral = Neutro
choice-not-completed = No completada
choice-not-connected = No conectada
choice-not-evaluated = No evaluada
choice-ongoing = En curso
choice-pending = Pendiente
choice-phone-call = Llamada telefónica
choice-positive = Positivo
choice-processing = Procesando
choice-queued = En cola
choice-registered = Registrada
choice-timeout = Tiempo de espera agotado
choice-unknown-error = Error desconocido
choice-user-declined = Rechazada por el usuario
choice-user-hung-up = El usuario colgó
choice-voicemail-reached = Contestó el buzón de voz
choice-web-call = Llamada web

## What the search field suggests, where the provider searches something
## other than everything.

search-hint-phone-or-sid = Número de teléfono o SID de llamada
search-hint-id-or-phone = ID de llamada o número de teléfono
search-hint-conversation = Palabras de la conversación
search-hint-transcript = Palabras de la transcripción

## Labels of the providers' details (the call's Details section, the column chooser).

extra-actions = Acciones
extra-answered-by = Contestada por
extra-appointment-booked = Cita programada
extra-batch = Lote
extra-call-sid = SID de llamada
extra-call-log = Registro de la llamada
extra-call-type = Tipo de llamada
extra-completed = Completada
extra-email = Correo electrónico
# Same as English on purpose.
extra-error = Error
extra-intent = Intención
extra-lead = Cliente potencial
extra-notes = Notas
extra-reached-voicemail = Contestó el buzón de voz
extra-success-evaluation = Evaluación del éxito
extra-telephony-sid = SID de telefonía
extra-test-call = Llamada de prueba
extra-went-to-voicemail = Pasó al buzón de voz

## Latency figures (the call's Latency section).

latency-end-to-end = De extremo a extremo
latency-text-to-speech = Texto a voz
latency-speech-recognition = Reconocimiento de voz
latency-transcriber-avg = Transcriptor (prom.)
latency-agent-avg = Agente (prom.)
latency-synthesizer-avg = Sintetizador (prom.)
latency-turn-avg = Latencia por turno (prom.)

## What a failure says (under its heading). { $detail } is the provider's
## own message, { $status } an HTTP status code.

# Our words, then the provider's message: "Request rejected: limit must be <= 100".
# Same as English on purpose.
with-detail = { $text }: { $detail }
error-unauthorized-message = El proveedor no aceptó las credenciales del proxy (HTTP 401)
error-forbidden-message = No se permite el acceso a estas llamadas (HTTP 403)
error-not-found-message = No encontrado (HTTP 404)
error-validation-message = El proveedor rechazó la solicitud
# { $text } is "Too many requests"; { $seconds } a whole number.
retry-in = { $text }; vuelva a intentarlo en { $seconds } s
# { $time } is a UTC date and time (ISO 8601).
retry-after = { $text }; vuelva a intentarlo después de { $time }
error-server-message = El proveedor tuvo un problema (HTTP { $status })
error-reported-message = El proveedor devolvió un error
error-refused-message = El proveedor denegó la solicitud (HTTP { $status })
# { $reason } is what the browser said, or network-failed.
error-network-message = No se pudo conectar con el proxy: { $reason }
network-failed = la solicitud falló (sin conexión, bloqueada por CORS o el proxy no está disponible)
# { $time } is e.g. "20 seconds".
error-timeout-message = No hubo respuesta en { $time }
seconds = { $n ->
    [one] { $n } segundo
    [many] { $n } segundos
   *[other] { $n } segundos
}
# { $reason } is what was wrong with the answer (the messages below, or a
# technical detail for the integrator).
error-unreadable-message = No se pudo leer la respuesta: { $reason }
response-empty = la respuesta estaba vacía
response-html = la respuesta es HTML, no JSON (¿es correcta la URL del proxy?)
response-cut-off = la respuesta llegó incompleta
response-not-json = la respuesta no es JSON válido
no-provider-answered = ningún proveedor respondió con llamadas a través de esta URL del proxy
recording-link-not-http = el enlace de la grabación no es una URL http(s)
no-recording-link = el proveedor no devolvió ningún enlace para esta grabación
no-mono-recording = la llamada no tiene enlace de grabación mono
no-recording-link-in-answer = la respuesta no contiene ningún enlace de grabación

## A query the provider cannot take: what is wrong, and what to do.

# { $provider } is the voice-AI company, { $filter } a filter's name.
cannot-filter = { $provider } no admite el filtro { $filter }
# { $field } is one of the sort-* words below.
cannot-sort = { $provider } no permite ordenar por { $field }
# "1.5" is not a valid duration for Bland.
invalid-value = «{ $value }» no es un valor válido de { $what } para { $provider }
filters-conflict = { $provider } no permite usar a la vez los filtros { $first } y { $second }
invalid-call-id = «{ $id }» no es un ID de llamada
# A page number, in invalid-value.
page = página
start-not-before-end = el inicio no es anterior al final
minimum-above-maximum = el mínimo es mayor que el máximo
sort-start-time = hora de inicio
sort-end-time = hora de finalización
sort-creation-time = fecha de creación
sort-update-time = fecha de actualización
sort-duration = duración
sort-latency = latencia
# “{ $attr }” is one of the page's settings (agent-id, campaign-id,
# contact-id, phone-number) and stays as it is.
remedy-remove-pin = Quite la configuración “{ $attr }” de la página: las llamadas de este proveedor no se pueden limitar a un solo registro.
# { $others } lists other settings joined by list-or: “agent-id” or “phone-number”.
remedy-pin-instead = Quite la configuración “{ $attr }” de la página o, en su lugar, limite las llamadas con { $others }.
list-or = o
remedy-clear-filter = Borre el filtro { $filter }.
remedy-conflict = Use el filtro { $first } o el filtro { $second }, no ambos.
remedy-change-value = Cambie o borre el filtro { $filter }.
remedy-choose-page = Elija otra página.
remedy-choose-sort = Elija otro orden.
remedy-check-call-id = Verifique el ID de la llamada que la página intenta abrir.
