//! Texts of who owns what a connection holds, and of runs that resume: the watch's token
//! (authorized by this tool, or given to it) and what `disconnect` does with it, the key
//! kept for a run that did not finish, a watch kept across runs, what a run undoes when
//! it stops, and a watch revoked by a disconnect that did not finish.

use super::catalog;

catalog! {
    Ownership {
        AskAgain { en: "HubRise says the authorization was refused. Open it again?", fr: "HubRise indique que l'autorisation a été refusée. La rouvrir ?" }
        PendingKeyOffer { en: "A run that did not finish validated the Zelty key {key} ({minutes} min ago). Use it?", fr: "Une exécution inachevée a validé la clé Zelty {key} (il y a {minutes} min). L'utiliser ?" }
        PendingKeyUsed { en: "Using the Zelty key {key} validated by a run that did not finish", fr: "Utilisation de la clé Zelty {key} validée par une exécution inachevée" }
        KeepWatchAsk { en: "The watch on « {location} » ({id}) still works. Keep it?", fr: "La surveillance de « {location} » ({id}) fonctionne encore. La garder ?" }
        WatchKept { en: "Watch kept: « {location} » ({id})", fr: "Surveillance gardée : « {location} » ({id})" }
        TokenGivenKept { en: "The HubRise token was given to this tool (HUBRISE_ACCESS_TOKEN or a manifest): it is forgotten here, not revoked; whoever gave it revokes it", fr: "Le jeton HubRise a été fourni à cet outil (HUBRISE_ACCESS_TOKEN ou un manifeste) : il est oublié ici, pas révoqué ; celui qui l'a fourni le révoque" }
        TokenSharedKept { en: "The HubRise token is also used by {profiles}: it is forgotten here, not revoked", fr: "Le jeton HubRise sert aussi à {profiles} : il est oublié ici, pas révoqué" }
        UndoFailed { en: "The HubRise connection this run made could not be revoked ({why}): disconnect « {name} » in HubRise > CONNECTIONS", fr: "La connexion HubRise créée par cette exécution n'a pas pu être révoquée ({why}) : déconnectez « {name} » dans HubRise > CONNEXIONS" }
        RowOfLocation { en: "On CONNECTIONS, act on the « Zelty Bridge » row of the location « {location} » ({id}), not on another location's, nor on « {watch} » (this tool's watch)", fr: "Dans CONNEXIONS, agissez sur la ligne « Zelty Bridge » du point de vente « {location} » ({id}), pas sur celle d'un autre point de vente, ni sur « {watch} » (la surveillance de cet outil)" }
        ZeltyDisableShared { en: "Zelty's « Désactiver » is not offered: the key also serves {profiles}, whose orders would stop too", fr: "« Désactiver » côté Zelty n'est pas proposé : la clé sert aussi à {profiles}, dont les commandes s'arrêteraient aussi" }
        RevokeSkippedUnreadable { en: "The other profiles' tokens could not be compared ({why}): the token is forgotten here, not revoked", fr: "Les jetons des autres profils n'ont pas pu être comparés ({why}) : le jeton est oublié ici, pas révoqué" }
        AlreadyRevoked { en: "The watch was already revoked on {at} by a disconnect that was interrupted: HubRise is not asked again; the disconnect finishes now", fr: "La surveillance a déjà été révoquée le {at} par une déconnexion interrompue : HubRise n'est pas redemandé ; la déconnexion se termine maintenant" }
        RevokeNotRecorded { en: "The revoke could not be noted in the profile ({why}): if this disconnect is cut short, the next one asks HubRise again", fr: "La révocation n'a pas pu être notée dans le profil ({why}) : si cette déconnexion est interrompue, la suivante redemandera à HubRise" }
        StateDisconnectUnfinished { en: "half disconnected", fr: "déconnexion à finir" }
        DisconnectUnfinished { en: "The watch was revoked on {at} by a disconnect that was interrupted: the Zelty Bridge steps, the secrets and the profile are left", fr: "La surveillance a été révoquée le {at} par une déconnexion interrompue : restent les étapes de Zelty Bridge, les secrets et le profil" }
        DisconnectUnfinishedHint { en: "run `{command}` to finish it (HubRise is not asked again)", fr: "lancez `{command}` pour la terminer (HubRise n'est pas redemandé)" }
    }
}
