//! Where zelty-bridge keeps its files: the config dir's path, owner and mode, the
//! profile files, and a `config.toml` that cannot be read.

use super::catalog;

catalog! {
    Config {
        DirInsecure { en: "{path} can be written by other users (mode {mode}); a secret kept there could be read or replaced", fr: "{path} est modifiable par d'autres utilisateurs (mode {mode}) ; un secret rangé là pourrait être lu ou remplacé" }
        DirInsecureHint { en: "run `chmod 700 {path}`, or point ZELTY_BRIDGE_CONFIG_DIR at a directory only you can write", fr: "lancez `chmod 700 {path}`, ou faites pointer ZELTY_BRIDGE_CONFIG_DIR vers un dossier que vous seul pouvez modifier" }
        DirNotOwned { en: "{path} belongs to another user (uid {uid})", fr: "{path} appartient à un autre utilisateur (uid {uid})" }
        DirNotOwnedHint { en: "point ZELTY_BRIDGE_CONFIG_DIR at a directory of your own", fr: "faites pointer ZELTY_BRIDGE_CONFIG_DIR vers un dossier à vous" }
        DirRelative { en: "ZELTY_BRIDGE_CONFIG_DIR must be an absolute path, not {value}", fr: "ZELTY_BRIDGE_CONFIG_DIR doit être un chemin absolu, pas {value}" }
        DirRelativeHint { en: "for example ZELTY_BRIDGE_CONFIG_DIR=\"$PWD/{value}\"", fr: "par exemple ZELTY_BRIDGE_CONFIG_DIR=\"$PWD/{value}\"" }
        CorruptAt { en: "{path} is not valid TOML (line {line}); its content is not shown because it may hold the client secret", fr: "{path} n'est pas du TOML valide (ligne {line}) ; son contenu n'est pas affiché car il peut contenir le secret client" }
        EnvNotUtf8 { en: "{var} is not valid text (UTF-8), so it cannot be used, and it is not replaced by a default", fr: "{var} n’est pas du texte valide (UTF-8) : elle ne peut pas servir, et n’est pas remplacée par une valeur par défaut" }
        EnvNotUtf8Hint { en: "give {var} a value written in UTF-8, or unset it", fr: "donnez à {var} une valeur écrite en UTF-8, ou retirez-la" }
        ProfileFileInsecure { en: "{path} belongs to another user or can be written by other users; its content is not used", fr: "{path} appartient à un autre utilisateur ou est modifiable par d’autres utilisateurs ; son contenu n’est pas utilisé" }
        ProfileFileInsecureHint { en: "if you wrote it, run `chmod 600 {path}`; otherwise remove it", fr: "si vous l’avez écrit, lancez `chmod 600 {path}` ; sinon, supprimez-le" }
    }
}
