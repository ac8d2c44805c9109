//! Texts of `report`, the support report a restaurant sends to Zelty.

use super::catalog;

catalog! {
    ReportText {
        Title { en: "zelty-bridge support report", fr: "Rapport de support zelty-bridge" }
        SendIt { en: "Send this report to support@zelty.com with a few words about what you see. Keys and tokens are masked; it holds no secret.", fr: "Envoyez ce rapport à support@zelty.com avec quelques mots sur ce que vous constatez. Les clés et jetons sont masqués ; il ne contient aucun secret." }
        Written { en: "Report written to {path}. Send it to support@zelty.com, attached to an email.", fr: "Rapport écrit dans {path}. Envoyez-le à support@zelty.com, en pièce jointe d'un e-mail." }
        Tool { en: "Tool", fr: "Outil" }
        System { en: "System", fr: "Système" }
        Store { en: "Secret store", fr: "Stockage des secrets" }
        Made { en: "Made", fr: "Établi le" }
        Sandbox { en: "Sandbox (fake HubRise and Zelty)", fr: "Bac à sable (faux HubRise et Zelty)" }
        Profile { en: "Profile {name}", fr: "Profil {name}" }
        NoProfiles { en: "No profile on this machine.", fr: "Aucun profil sur cette machine." }
        Unreadable { en: "This profile cannot be read: {message}", fr: "Ce profil ne peut pas être lu : {message}" }
        Errors { en: "Recent errors", fr: "Erreurs récentes" }
        Details { en: "Details, for support", fr: "Détails, pour le support" }
        Orders { en: "Orders to look at in HubRise", fr: "Commandes à regarder dans HubRise" }
        OrdersPage { en: "In the HubRise back office, « Orders » ({url}): find each one by its id.", fr: "Dans le back-office HubRise, « Commandes » ({url}) : retrouvez chacune par son identifiant." }
        StuckOrder { en: "still « new »: {id} ({app}, {at}): Zelty Bridge has not taken it", fr: "toujours « nouvelle » : {id} ({app}, {at}) : Zelty Bridge ne l'a pas prise" }
        RejectedOrder { en: "rejected: {id} ({app}, {at}): the message at the top of the order says why", fr: "rejetée : {id} ({app}, {at}) : le message en haut de la commande dit pourquoi" }
        NoErrors { en: "No error recorded on this machine.", fr: "Aucune erreur enregistrée sur cette machine." }
        ColTime { en: "When", fr: "Quand" }
        ColCommand { en: "Command", fr: "Commande" }
        ColProfile { en: "Profile", fr: "Profil" }
        ColCode = same { en: "Code", fr: "Code" }
        ColMessage = same { en: "Message", fr: "Message" }
    }
}
