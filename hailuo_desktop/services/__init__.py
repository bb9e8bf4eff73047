"""Qt-free orchestration: store, runner, polling, uploads, downloads, secrets, settings."""
