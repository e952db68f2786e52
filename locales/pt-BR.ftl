# As palavras do widget em português do Brasil, traduzidas de en.ftl.
#
# Cada mensagem é um texto com placeholders { $name } ou um plural que
# escolhe pela contagem ({ $n -> [one] … [many] … *[other] … }). Um
# comentário acima de uma mensagem diz onde ela aparece. Termos usados:
# chamada (call), agente (a IA de voz), cliente (a pessoa que recebe ou
# faz a chamada), gravação, transcrição, provedor (a empresa de IA de
# voz), proxy (o servidor do integrador que o widget consulta).

## Status das chamadas (uma coluna, o filtro de status, os dados da chamada).

status-scheduled = Agendada
status-ringing = Chamando
status-in-progress = Em andamento
status-completed = Concluída
status-voicemail = Caixa postal
status-no-answer = Não atendida
status-busy = Ocupado
status-canceled = Cancelada
status-failed = Falhou
# Status, direção ou autor da chamada desconhecido.
unknown = Desconhecido

## Direções da chamada.

direction-inbound = Entrada
direction-outbound = Saída
# Uma chamada feita pelo navegador, não por telefone.
# Same as English on purpose.
direction-web = Web

## Interlocutores (transcrição, linha do tempo, download da transcrição).

speaker-agent = Agente
speaker-customer = Cliente
speaker-other = Outro
# Um interlocutor, numa transcrição baixada, que não é nem agente nem cliente.
speaker = Interlocutor

## Por que a chamada terminou (dados da chamada, coluna de motivo do encerramento).

ended-customer-hung-up = O cliente desligou
ended-agent-ended = O agente encerrou a chamada
ended-nobody-answered = Ninguém atendeu
ended-line-busy = A linha estava ocupada
ended-not-placed = Não foi possível fazer a chamada
ended-voicemail = Caiu na caixa postal
ended-time-limit = Limite de tempo atingido
ended-silence = Encerrada após silêncio
ended-transferred = Transferida
ended-error = Encerrada por um erro

## Como foi a chamada (coluna de resultado, dados da chamada).

outcome-successful = Bem-sucedida
outcome-not-successful = Sem sucesso
outcome-appointment-booked = Agendamento realizado
outcome-no-appointment = Sem agendamento

## Linha de cabeçalho de uma exportação CSV (títulos das colunas da planilha).

csv-id = ID da chamada
csv-provider = Provedor
csv-started-at = Início
csv-direction = Direção
# Same as English on purpose.
csv-status = Status
csv-customer-name = Nome do cliente
csv-customer-number = Número do cliente
csv-agent = Agente
csv-agent-number = Número do agente
csv-campaign = Campanha
csv-duration-seconds = Duração (segundos)
csv-outcome = Resultado
csv-successful = Bem-sucedida
csv-sentiment = Sentimento
csv-end-reason = Motivo do encerramento
csv-cost = Custo
csv-cost-unit = Unidade do custo
csv-summary = Resumo

## Estado do próprio widget.

# Exibida antes de o integrador configurar o widget; "proxy-url" e
# "proxyUrl" são os nomes da configuração e ficam como estão.
no-proxy-url = URL do proxy não definida: defina proxy-url (proxyUrl) com o endereço do proxy.
retry = Tentar novamente

## Cabeçalhos das colunas da tabela de chamadas.

column-time = Horário
column-direction = Direção
column-customer = Cliente
column-agent = Agente
column-duration = Duração
# Same as English on purpose.
column-status = Status
column-outcome = Resultado

## Nomes dos filtros (rótulos da barra de filtros, chip de um filtro ativo).

# Same as English on purpose.
filter-status = Status
filter-direction = Direção
filter-call-type = Tipo de chamada
filter-agent = Agente
filter-campaign = Campanha
filter-contact = Contato
filter-phone = Telefone
filter-search = Busca
filter-end-reason = Motivo do encerramento
filter-sentiment = Sentimento
filter-outcome = Resultado
filter-date-range = Período
filter-duration = Duração

## Células da tabela de chamadas.

# Célula de cliente de uma chamada cujo provedor não informa nome nem número
# (o título da chamada aparece acima dela).
no-caller-details = Sem dados de identificação
yes = Sim
no = Não

## Estados da lista de chamadas.

loading-calls = Carregando chamadas…
calls-not-loaded = Não foi possível carregar as chamadas.
no-calls-match = Nenhuma chamada corresponde a estes filtros.
no-calls-yet = Nenhuma chamada ainda.
clear-filters = Limpar filtros
# Chamadas enviadas pelo provedor que o widget não conseguiu ler.
calls-skipped = { $n ->
    [one] { $n } chamada desta página não pôde ser lida e foi ocultada.
    [many] { $n } chamadas desta página não puderam ser lidas e foram ocultadas.
   *[other] { $n } chamadas desta página não puderam ser lidas e foram ocultadas.
}

## Barra de filtros.

filters = Filtros
# Botão dos filtros quando algum está definido (lido por leitores de tela).
filters-active = { $n ->
    [one] Filtros, { $n } ativo
    [many] Filtros, { $n } ativos
   *[other] Filtros, { $n } ativos
}
more-filters = Mais filtros
filter-calls = Filtrar chamadas
active-filters = Filtros ativos
# Botão de remover de um chip; { $filter } é, por exemplo, "Status: Concluída".
remove-filter = Remover filtro { $filter }
clear-all = Limpar tudo
any-status = Qualquer status
any-type = Qualquer tipo
any-sentiment = Qualquer sentimento
any-outcome = Qualquer resultado
any-reason = Qualquer motivo
any-direction = Qualquer direção
search-calls = Buscar chamadas
agent-id = ID do agente
campaign-id = ID da campanha
contact-id = ID do contato
date-from = De
date-to = Até
min-minutes = Mínimo de minutos
max-minutes = Máximo de minutos
# Chip de período: a partir de uma data, ou até uma data.
from-date = a partir de { $date }
until-date = até { $date }

## Paginação.

# Quais chamadas, de quantas, são exibidas: "41–60 de 1.901".
calls-range = { $first }–{ $last } de { $total }
no-calls = Nenhuma chamada
previous-page = ‹ Anterior
next-page = Próxima ›
rows-per-page = Linhas por página
pagination = Paginação
page-n = Página { $n }
# Legenda da tabela de chamadas (lida por leitores de tela).
calls = Chamadas

## Falhas: o título de um aviso e o que ele diz.

error-access-denied = Acesso negado
error-not-found = Não encontrado
error-rejected = Solicitação rejeitada
error-too-many-requests = Muitas solicitações
error-provider = Erro do provedor
error-connection = Problema de conexão
error-timed-out = Tempo esgotado
error-unreadable = Resposta ilegível
error-filter-unavailable = Filtro indisponível
error-cancelled = Cancelado
call-view-unavailable = Não foi possível carregar a visualização da chamada
# "callboard" é o nome do widget e fica como está.
call-view-unavailable-message = O código do callboard para a visualização da chamada não carregou: houve falha na rede ou o callboard foi atualizado depois que esta página foi aberta. Tente novamente ou recarregue a página.
controls-unavailable = Filtros e páginas indisponíveis
controls-unavailable-message = O código do callboard para os filtros e as páginas não carregou: houve falha na rede ou o callboard foi atualizado depois que esta página foi aberta. Tente novamente ou recarregue a página.

## Ferramentas da lista: seletor de colunas e Exportar.

columns = Colunas
columns-shown = Colunas exibidas

## A chamada aberta: painel e dados.

call-details = Detalhes da chamada
close-call-details = Fechar detalhes da chamada
# Volta da chamada para a lista (layout estreito).
back-to-calls = ‹ Chamadas
loading-call-details = Carregando detalhes da chamada…
fact-when = Quando
fact-direction = Direção
fact-duration = Duração
# Same as English on purpose.
fact-status = Status
fact-ended = Encerramento
fact-outcome = Resultado
fact-sentiment = Sentimento
fact-customer = Cliente
fact-customer-number = Número do cliente
fact-agent = Agente
# O número de telefone de onde o agente ligou ou em que atendeu.
fact-agent-line = Linha do agente
fact-campaign = Campanha
fact-cost = Custo
provider-details = Detalhes do provedor
details = Detalhes
# Um link entre os detalhes do provedor.
open-link = Abrir
export = Exportar
export-calls = Exportar chamadas
cancel = Cancelar
export-this-page = Esta página em CSV
# { $cap } é um número, por exemplo "5.000".
export-all-pages = Todas as páginas em CSV (até { $cap } chamadas)
# Progresso da exportação de todas as páginas: "Exportando… 300 de 2.000 chamadas".
exporting-of = Exportando… { $n } de { $total } chamadas
exporting = { $n ->
    [one] Exportando… { $n } chamada
    [many] Exportando… { $n } chamadas
   *[other] Exportando… { $n } chamadas
}
exported = { $n ->
    [one] { $n } chamada exportada
    [many] { $n } chamadas exportadas
   *[other] { $n } chamadas exportadas
}
# A exportação para num limite, por exemplo "Primeiras 5.000 chamadas exportadas".
exported-first = Primeiras { $n } chamadas exportadas
# { $error } é a descrição da falha.
export-stopped = Exportação interrompida: { $error }

## Seções da chamada aberta.

section-recording = Gravação
section-transcript = Transcrição
# A seção em torno da transcrição e da linha do tempo dos interlocutores.
section-conversation = Conversa
section-call = Chamada
section-call-facts = Dados da chamada
section-summary = Resumo
section-latency = Latência
no-transcript = Não há transcrição disponível para esta chamada.
# { $provider } é o nome da empresa de IA de voz (por exemplo, "Bland").
provider-has-no-transcripts = { $provider } não fornece transcrições de chamadas.

## Player da gravação.

recording-when-call-ends = A gravação fica disponível quando a chamada terminar.
no-recording = Não há gravação disponível para esta chamada.
provider-has-no-recordings = { $provider } não fornece gravações de chamadas.
recording-failed-expired = Não foi possível carregar a gravação; o link pode ter expirado.
recording-failed = Não foi possível carregar a gravação.
download = Baixar
get-fresh-link = Gerar um novo link
play = Reproduzir
pause = Pausar
# Os botões de salto mostram "−10s" e "+10s"; estes são os nomes lidos em voz alta.
back-10-seconds = −10s: voltar 10 segundos
forward-10-seconds = +10s: avançar 10 segundos
link-copied = Link copiado
# "moment-url" é o nome da configuração e fica como está.
moment-url-not-http = A configuração moment-url não é um link http(s)
copy-moment-link = Copiar link deste momento
seek = Posição
# Onde a gravação está, lido por leitores de tela: "1:05 de 4:10".
position-of-length = { $position } de { $length }
unknown-length = duração desconhecida
speed = Velocidade
# Canais de áudio: os dois interlocutores mixados, ou um em cada ouvido.
channels = Canais
# Same as English on purpose.
mono = Mono
stereo = Estéreo
copy-failed = Falha ao copiar

## Linha do tempo dos interlocutores.

who-spoke-when = Quem falou e quando
# Lido por leitores de tela como o valor da linha do tempo: "0:42 de 3:10, o agente falando".
spoken-at = { $position } de { $length }, { $who }
agent-speaking = o agente falando
customer-speaking = o cliente falando
both-speaking = ambos falando
silence = silêncio

## Transcrição.

no-matches = Nenhum resultado
# Qual resultado da busca é exibido: "2 de 7".
match-of = { $n } de { $total }
transcript-untimed = Esta transcrição não tem marcações de tempo, então seus turnos não levam a um ponto da gravação.
follow-playback = Acompanhar a reprodução
search = Buscar
search-transcript = Buscar na transcrição
previous-match = Resultado anterior
next-match = Próximo resultado
copy = Copiar
copied = Copiado
download-transcript-as = Baixar a transcrição como
# Lido por leitores de tela após o horário de um turno: "0:42, reproduzir a partir daqui".
play-from-here = , reproduzir a partir daqui
# Botão de horário de uma chamada de ferramenta: "Reproduzir a partir de 0:42".
play-from = Reproduzir a partir de { $time }
arguments = Argumentos
result = Resultado
arguments-and-result = Argumentos e resultado
tool-call = Chamada de ferramenta
# O agente passando de uma etapa do roteiro para outra.
tool-node = Nó
# Dígitos que a pessoa pressionou no teclado do telefone.
tool-keypad = Teclado numérico
tool-result = Resultado da ferramenta
tool-succeeded = Bem-sucedida
tool-failed = Falhou
tool-returned = Retornou
tool-no-result = Sem resultado
format-text = Texto (.txt)
format-webvtt = Legendas, WebVTT (.vtt)
format-srt = Legendas, SubRip (.srt)
# Same as English on purpose.
format-json = JSON (.json)

## Chamadas em tempo real.

live-connecting = Atualizações ao vivo: conectando
live-connected = Ao vivo: as chamadas aparecem em tempo real
live-polling = Verificando novas chamadas periodicamente
live-offline = Atualizações ao vivo pausadas: sem conexão
new-calls = { $n ->
    [one] ↑ { $n } nova chamada
    [many] ↑ { $n } novas chamadas
   *[other] ↑ { $n } novas chamadas
}

## Atalhos de teclado.

keyboard-shortcuts = Atalhos de teclado
# Dica do botão; "?" é a tecla que abre a lista.
keyboard-shortcuts-key = Atalhos de teclado (?)
shortcut-play-pause = Reproduzir ou pausar
shortcut-skip = Voltar ou avançar 10 segundos
shortcut-turns = Turno seguinte ou anterior
shortcut-search = Buscar
shortcut-close = Fechar a chamada
shortcut-help = Mostrar estes atalhos
shortcut-open = Abrir a chamada em foco
# Nomes das teclas na lista de atalhos.
key-space = Espaço
# Same as English on purpose.
key-esc = Esc
# Same as English on purpose.
key-enter = Enter

## The providers' own values, as the filters and their chips name them.

choice-active = Ativa
choice-agent-hung-up = O agente desligou
choice-answered = Atendida
choice-caller-hung-up = O chamador desligou
choice-dial-failed = Falha na discagem
choice-ended = Encerrada
choice-error = Erro
choice-in-queue = Na fila
choice-inactivity = Inatividade
choice-initiated = Iniciada
choice-max-duration-reached = Duração máxima atingida
choice-negative = Negativo
choice-neutral = Neutro
choice-not-completed = Não concluída
choice-not-connected = Não conectada
choice-not-evaluated = Não avaliada
choice-ongoing = Em andamento
choice-pending = Pendente
choice-phone-call = Chamada telefônica
choice-positive = Positivo
choice-processing = Processando
choice-queued = Na fila
choice-registered = Registrada
choice-timeout = Tempo esgotado
choice-unknown-error = Erro desconhecido
choice-user-declined = Recusada pelo usuário
choice-user-hung-up = O usuário desligou
choice-voicemail-reached = Caiu na caixa postal
choice-web-call = Chamada web

## What the search field suggests, where the provider searches something
## other than everything.

search-hint-phone-or-sid = Número de telefone ou SID da chamada
search-hint-id-or-phone = ID da chamada ou número de telefone
search-hint-conversation = Palavras da conversa
search-hint-transcript = Palavras da transcrição

## Labels of the providers' details (the call's Details section, the column chooser).

extra-actions = Ações
extra-answered-by = Atendida por
extra-appointment-booked = Agendamento realizado
extra-batch = Lote
extra-call-sid = SID da chamada
extra-call-log = Registro da chamada
extra-call-type = Tipo de chamada
extra-completed = Concluída
extra-email = E-mail
extra-error = Erro
extra-intent = Intenção
extra-lead = Potencial cliente
extra-notes = Observações
extra-reached-voicemail = Caiu na caixa postal
extra-success-evaluation = Avaliação de sucesso
extra-telephony-sid = SID da telefonia
extra-test-call = Chamada de teste
extra-went-to-voicemail = Foi para a caixa postal

## Latency figures (the call's Latency section).

latency-end-to-end = De ponta a ponta
latency-text-to-speech = Texto para fala
latency-speech-recognition = Reconhecimento de fala
latency-transcriber-avg = Transcritor (média)
latency-agent-avg = Agente (média)
latency-synthesizer-avg = Sintetizador (média)
latency-turn-avg = Latência por turno (média)

## What a failure says (under its heading). { $detail } is the provider's
## own message, { $status } an HTTP status code.

# Our words, then the provider's message: "Request rejected: limit must be <= 100".
# Same as English on purpose.
with-detail = { $text }: { $detail }
error-unauthorized-message = O provedor não aceitou as credenciais do proxy (HTTP 401)
error-forbidden-message = O acesso a estas chamadas não é permitido (HTTP 403)
error-not-found-message = Não encontrado (HTTP 404)
error-validation-message = O provedor rejeitou a solicitação
# { $text } is "Too many requests"; { $seconds } a whole number.
retry-in = { $text }; tente novamente em { $seconds } s
# { $time } is a UTC date and time (ISO 8601).
retry-after = { $text }; tente novamente depois de { $time }
error-server-message = O provedor teve um problema (HTTP { $status })
error-reported-message = O provedor informou um erro
error-refused-message = O provedor recusou a solicitação (HTTP { $status })
# { $reason } is what the browser said, or network-failed.
error-network-message = Não foi possível acessar o proxy: { $reason }
network-failed = a solicitação falhou (sem conexão, bloqueada por CORS ou o proxy está fora do ar)
# { $time } is e.g. "20 seconds".
error-timeout-message = Sem resposta em { $time }
seconds = { $n ->
    [one] { $n } segundo
    [many] { $n } segundos
   *[other] { $n } segundos
}
# { $reason } is what was wrong with the answer (the messages below, or a
# technical detail for the integrator).
error-unreadable-message = Não foi possível ler a resposta: { $reason }
response-empty = a resposta veio vazia
response-html = a resposta é HTML, não JSON (a URL do proxy está correta?)
response-cut-off = a resposta veio incompleta
response-not-json = a resposta não é um JSON válido
no-provider-answered = nenhum provedor respondeu com chamadas por meio desta URL do proxy
recording-link-not-http = o link da gravação não é uma URL http(s)
no-recording-link = o provedor não retornou nenhum link para esta gravação
no-mono-recording = a chamada não tem link de gravação mono
no-recording-link-in-answer = a resposta não contém nenhum link de gravação

## A query the provider cannot take: what is wrong, and what to do.

# { $provider } is the voice-AI company, { $filter } a filter's name.
cannot-filter = { $provider } não oferece o filtro { $filter }
# { $field } is one of the sort-* words below.
cannot-sort = { $provider } não permite ordenar por { $field }
# "1.5" is not a valid duration for Bland.
invalid-value = “{ $value }” não é um valor válido de { $what } para { $provider }
filters-conflict = { $provider } não permite usar os filtros { $first } e { $second } ao mesmo tempo
invalid-call-id = “{ $id }” não é um ID de chamada
# A page number, in invalid-value.
page = página
start-not-before-end = o início não é anterior ao fim
minimum-above-maximum = o mínimo é maior que o máximo
sort-start-time = horário de início
sort-end-time = horário de término
sort-creation-time = data de criação
sort-update-time = data de atualização
sort-duration = duração
sort-latency = latência
# “{ $attr }” is one of the page's settings (agent-id, campaign-id,
# contact-id, phone-number) and stays as it is.
remedy-remove-pin = Remova a configuração “{ $attr }” da página: as chamadas deste provedor não podem ser restritas a um único registro.
# { $others } lists other settings joined by list-or: “agent-id” or “phone-number”.
remedy-pin-instead = Remova a configuração “{ $attr }” da página ou, em vez disso, restrinja as chamadas com { $others }.
list-or = ou
remedy-clear-filter = Limpe o filtro { $filter }.
remedy-conflict = Use o filtro { $first } ou o filtro { $second }, não os dois.
remedy-change-value = Altere ou limpe o filtro { $filter }.
remedy-choose-page = Escolha outra página.
remedy-choose-sort = Escolha outra ordenação.
remedy-check-call-id = Verifique o ID da chamada que a página pede para abrir.
