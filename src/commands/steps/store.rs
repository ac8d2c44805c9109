//! Choosing the secret store, checked before the user does any work: the configured one if
//! it works; when the keyring does not, a person is offered the file store (never
//! silently), a script gets the way out in the error.

use crate::ctx::Ctx;
use crate::i18n::Msg;
use crate::ops::store::{store_failure, store_words};
use crate::prompt;
use crate::stores::{SecretStore, StoreKind};

/// The store to use: the configured one if it works; when the keyring does not, a person
/// is offered the file store (never silently), a script gets the way out in the error. The
/// sandbox's fake secrets go to the file store with a notice.
pub async fn choose(app: &Ctx) -> anyhow::Result<Box<dyn SecretStore>> {
    let store = app.store_of(app.settings.store);
    let spinner = app.printer.spinner(Msg::CheckingStore.text());
    // The probe may wait out the keyring's deadline: off the async threads.
    let (store, probe) = tokio::task::spawn_blocking(move || {
        let probe = store.probe();
        (store, probe)
    })
    .await?;
    drop(spinner);
    let Err(err) = probe else { return Ok(store) };
    // A person reads why in their words; the library's own reason is for `-v`.
    let why = app.printer.t(&store_words(&err));
    app.printer.debug(1, format!("{}: {err}", store.location()));
    if app.settings.store != StoreKind::Keyring {
        return Err(store_failure(err).into());
    }
    if app.settings.sandbox {
        app.printer.warn(Msg::SandboxFileStore.with("why", &why));
        return Ok(app.store_of(StoreKind::File));
    }
    if !app.ctx.interactive {
        return Err(store_failure(err).into());
    }
    app.printer.warn(Msg::KeyringProblem.with("why", &why));
    let path = app.settings.config_dir.join("secrets.json");
    if prompt::confirm(&app.printer, Msg::OfferFileStore.with("path", path.display()), false, Msg::FileStoreHint.text())
        .await?
    {
        Ok(app.store_of(StoreKind::File))
    } else {
        Err(store_failure(err).into())
    }
}
