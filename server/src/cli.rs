//! The command line: a black-box surface over the core for integrators
//! debugging their proxy, and for our own tests.

use std::io::Read;

use callboard::core::{ApiError, Provider, Query};
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;

/// callboard's native companion.
#[derive(Debug, Parser)]
#[command(name = "callboard-server", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the dev server: every provider's API over a demo data set (mock mode).
    Serve(crate::serve::ServeArgs),
    /// Run the reference proxy in front of one real provider.
    Proxy(crate::proxy::ProxyArgs),
    /// Read a provider response body on stdin and print the normalized result as JSON.
    Normalize {
        /// The provider: agentvoice, vozagent, talkover, zudu, smallest, retell, vapi, elevenlabs,
        /// bland, or auto (recognised from the body alone).
        #[arg(long)]
        provider: String,
        /// Which response the body is.
        #[arg(long, value_enum)]
        kind: Kind,
        /// The HTTP status the body came with (for `--kind error`; default 500).
        #[arg(long)]
        status: Option<u16>,
        /// The `Retry-After` header the body came with.
        #[arg(long)]
        retry_after: Option<String>,
        /// The query the list was fetched with, as JSON (its page size tells
        /// whether a full page means more).
        #[arg(long)]
        query: Option<String>,
    },
    /// Print the native request a query becomes.
    Request {
        /// The provider.
        #[arg(long)]
        provider: String,
        /// The query as JSON, e.g. '{"page": 2, "filters": {"status": "completed"}}'.
        #[arg(long, default_value = "{}")]
        query: String,
        /// Print the detail request for this call id instead of the list request.
        #[arg(long)]
        detail: Option<String>,
    },
    /// Print a provider's capabilities as JSON.
    Capabilities {
        /// The provider.
        #[arg(long)]
        provider: String,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
/// Which response a body is.
pub enum Kind {
    /// A 2xx list response.
    List,
    /// A 2xx detail response.
    Detail,
    /// An error response.
    Error,
    /// A 2xx fresh-recording-link response.
    RecordingLink,
}

/// What can go wrong on the command line.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad arguments.
    #[error("{0}")]
    Usage(String),
    /// Reading stdin failed.
    #[error("cannot read stdin: {0}")]
    Io(#[from] std::io::Error),
    /// The body could not be read as the response it should be.
    #[error("{0}")]
    Api(ApiError),
}

fn provider_arg(name: &str, body: Option<&str>) -> Result<Provider, CliError> {
    if name.eq_ignore_ascii_case("auto") {
        return body.and_then(Provider::detect).ok_or_else(|| {
            CliError::Usage("could not recognise the provider from the body's shape".into())
        });
    }
    name.parse()
        .map_err(|e: callboard::core::provider::UnknownProvider| CliError::Usage(e.to_string()))
}

fn query_arg(text: &str) -> Result<Query, CliError> {
    serde_json::from_str(text)
        .map_err(|e| CliError::Usage(format!("--query is not a valid query: {e}")))
}

fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Runs one of the one-shot commands; `stdin` supplies bodies for
/// `normalize`. (The servers are run by `main`.)
pub fn run(command: Command, stdin: &mut impl Read) -> Result<String, CliError> {
    match command {
        Command::Serve(_) | Command::Proxy(_) => {
            Err(CliError::Usage("servers are run by main".into()))
        }
        Command::Normalize {
            provider,
            kind,
            status,
            retry_after,
            query,
        } => {
            let mut body = String::new();
            stdin.read_to_string(&mut body)?;
            let provider = provider_arg(&provider, Some(&body))?;
            let query = query
                .as_deref()
                .map(query_arg)
                .transpose()?
                .unwrap_or_default();
            let out = match kind {
                Kind::List => {
                    let page = provider.parse_list(&body, &query).map_err(CliError::Api)?;
                    json!({"provider": provider, "page": page})
                }
                Kind::Detail => {
                    let detail = provider.parse_detail(&body).map_err(CliError::Api)?;
                    json!({"provider": provider, "detail": detail})
                }
                Kind::RecordingLink => {
                    let url = provider
                        .parse_recording_link(&body)
                        .map_err(CliError::Api)?;
                    json!({"provider": provider, "url": url})
                }
                Kind::Error => {
                    let err =
                        provider.parse_error(status.unwrap_or(500), &body, retry_after.as_deref());
                    json!({"provider": provider, "error": err, "message": err.to_string()})
                }
            };
            Ok(pretty(&out))
        }
        Command::Request {
            provider,
            query,
            detail,
        } => {
            let provider = provider_arg(&provider, None)?;
            let request = match detail {
                Some(id) => provider.detail_request(&id),
                None => provider.list_request(&query_arg(&query)?),
            }
            .map_err(|e| CliError::Usage(e.to_string()))?;
            let body: Option<serde_json::Value> = request
                .body
                .as_deref()
                .and_then(|b| serde_json::from_str(b).ok());
            Ok(pretty(&json!({
                "method": request.method,
                "path": request.path,
                "query": request.query.iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>(),
                "url": request.path_and_query(),
                "body": body,
            })))
        }
        Command::Capabilities { provider } => {
            let provider = provider_arg(&provider, None)?;
            Ok(pretty(provider.capabilities()))
        }
    }
}
