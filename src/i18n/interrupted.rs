//! Runs cut short: the signal that stopped one, what was stored before it, and a
//! rollback that could not remove everything.

use super::catalog;

catalog! {
    Interrupted {
        BySignal { en: "stopped by {signal}", fr: "arrêté par {signal}" }
        AfterStoring { en: "interrupted: {stored} connection(s) were stored before the interruption, the others were not", fr: "interrompu : {stored} connexion(s) ont été enregistrées avant l'interruption, les autres non" }
        AfterStoringHint { en: "run the same command again to finish: stored restaurants are reported as already connected", fr: "relancez la même commande pour terminer : les restaurants déjà enregistrés seront signalés comme déjà connectés" }
        NothingStored { en: "interrupted before this connection was stored", fr: "interrompu avant l’enregistrement de cette connexion" }
        AfterRevoke { en: "interrupted after the watch was revoked: the profile and its secrets are still here", fr: "interrompu après la révocation de la surveillance : le profil et ses secrets sont encore là" }
        AfterRevokeHint { en: "run `zelty-bridge disconnect` again to finish: HubRise is not asked again", fr: "relancez `zelty-bridge disconnect` pour terminer : HubRise n'est pas redemandé" }
        RollbackFailed { en: "the connection could not be saved, and the secrets already written could not all be removed: {users}", fr: "la connexion n'a pas pu être enregistrée, et les secrets déjà écrits n'ont pas tous pu être retirés : {users}" }
        RollbackFailedHint { en: "free some space, then run `zelty-bridge disconnect --force` to remove what was left", fr: "libérez de la place, puis lancez `zelty-bridge disconnect --force` pour retirer ce qui reste" }
    }
}
