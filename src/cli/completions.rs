//! `hyoka completions SHELL`: the completion script for a shell, made from the same command
//! definitions that parse the arguments, so it never falls behind them.

use clap::CommandFactory as _;

use super::{Cli, Outcome};

/// Shown after the options by `--help`.
pub const EXAMPLES: &str = "Examples:
  hyoka completions bash > ~/.local/share/bash-completion/completions/hyoka
  hyoka completions zsh > ~/.zfunc/_hyoka          (with fpath+=~/.zfunc before compinit)
  hyoka completions fish > ~/.config/fish/completions/hyoka.fish";

/// Arguments of `hyoka completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Prints the script on standard output.
pub fn run(args: &Args) -> Result<Outcome, crate::Error> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "hyoka", &mut std::io::stdout());
    Ok(Outcome::Clean)
}
