//! Texts of `status --all-profiles` for a fleet: the compact table's headings and the
//! line of a profile that could not be read.

use super::catalog;

catalog! {
    FleetTable {
        ColProfile { en: "PROFILE", fr: "PROFIL" }
        ColRestaurant = same { en: "RESTAURANT", fr: "RESTAURANT" }
        ColLocation { en: "LOCATION", fr: "POINT DE VENTE" }
        ColZelty { en: "ZELTY KEY", fr: "CLÉ ZELTY" }
        ColApp = same { en: "ZELTY BRIDGE", fr: "ZELTY BRIDGE" }
        ColWatch { en: "WATCH", fr: "SURVEILLANCE" }
        ColToDo { en: "TO DO", fr: "À FAIRE" }
        Unreadable { en: "✗ unreadable", fr: "✗ illisible" }
        UnlockBelow { en: "unlock the keyring (below)", fr: "déverrouillez le trousseau (ci-dessous)" }
        Summary { en: "{ok} of {total} profiles fully working", fr: "{ok} profils sur {total} entièrement fonctionnels" }
    }
}
