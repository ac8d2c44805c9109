//! How zelty-bridge talks to the services: plain `http://` addresses, and a service that
//! asks it to slow down.

use super::catalog;

catalog! {
    Network {
        PlainHttpRefused { en: "{var} uses plain http:// off this machine ({value}): the key and the token would cross the network unencrypted", fr: "{var} utilise http:// sans chiffrement hors de cette machine ({value}) : la clé et le jeton traverseraient le réseau en clair" }
        PlainHttpRefusedHint { en: "use https://, or, knowing the risk, pass --allow-insecure or set ZELTY_BRIDGE_ALLOW_INSECURE=1", fr: "utilisez https://, ou, en connaissance de cause, passez --allow-insecure ou définissez ZELTY_BRIDGE_ALLOW_INSECURE=1" }
        PlainHttp { en: "{var} uses plain http:// ({value}): the key and the token would cross the network unencrypted", fr: "{var} utilise http:// sans chiffrement ({value}) : la clé et le jeton traverseraient le réseau en clair" }
        RetrySlowDown { en: "{service} asked us to slow down ({why}); try {n} of {of} in {wait} s", fr: "{service} nous a demandé de ralentir ({why}) ; essai {n} sur {of} dans {wait} s" }
        SlowedDown { en: "{service} asked us to slow down ({why}) and still did after {tries} tries", fr: "{service} nous a demandé de ralentir ({why}), encore après {tries} tentatives" }
        SlowedDownHint { en: "wait a minute and try again: {service} limits how many calls a key makes", fr: "attendez une minute et réessayez : {service} limite le nombre d'appels par clé" }
    }
}
