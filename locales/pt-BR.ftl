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
