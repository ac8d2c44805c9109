
use builtin;
use str;

set edit:completion:arg-completer[zelty-bridge] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'zelty-bridge'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'zelty-bridge'= {
            cand --profile 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]'
            cand --lang 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]'
            cand --color 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand --allow-insecure 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
            cand -h 'Print help (--help shows more)'
            cand --help 'Print help (--help shows more)'
            cand -V 'Print the version'
            cand --version 'Print the version'
            cand connect 'Connect Zelty to HubRise: the Zelty key, the watch, the Zelty Bridge app, storage'
            cand app 'Connect the Zelty Bridge app in the HubRise back office (guided), or record it'
            cand grant-support 'Give Zelty''s support team access to your HubRise account (guided)'
            cand disconnect 'Revoke and remove the connection, on HubRise, on Zelty and on this machine'
            cand status 'Check the Zelty key, the Zelty Bridge app and the watch live, and show them'
            cand provision 'Connect many restaurants from a manifest, for CI'
            cand report 'A support report to send to Zelty: versions, the connections'' states, recent errors'
            cand completions 'Print a shell completion script'
            cand sandbox 'Serve the fake HubRise and Zelty in the foreground, for trying the tool and tests'
            cand help 'Print this message or the help of the given command'
        }
        &'zelty-bridge;connect'= {
            cand --restaurant-id 'The Zelty restaurant to connect, when the key sees several'
            cand --scope 'The HubRise permissions the watch asks for (read-only by default) [default: location[orders.read,catalog.read,customer_list.read]]'
            cand --catalog-id 'The HubRise catalog to record, when the location has several'
            cand --customer-list-id 'The HubRise customer list to record, when the location has several'
            cand --timeout 'Seconds to wait for the authorization in the browser, and for Zelty Bridge [default: 300]'
            cand --profile 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]'
            cand --lang 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]'
            cand --color 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]'
            cand --zelty-api-key-stdin 'Read the Zelty API key from standard input instead of prompting'
            cand --no-browser 'Do not open a browser: print the address (and a QR code for a phone), then type the code HubRise shows'
            cand --no-watch 'Go on without the watch (zelty-bridge''s own read-only HubRise connection)'
            cand --force 'Replace an existing connection without asking'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand --allow-insecure 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
            cand -h 'Print help (--help shows more)'
            cand --help 'Print help (--help shows more)'
            cand -V 'Print the version'
            cand --version 'Print the version'
        }
        &'zelty-bridge;app'= {
            cand --timeout 'Seconds to watch for Zelty Bridge while you work in the back office [default: 600]'
            cand --profile 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]'
            cand --lang 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]'
            cand --color 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]'
            cand --confirm 'Record that Zelty Bridge is connected and configured, without the walk'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand --allow-insecure 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
            cand -h 'Print help (--help shows more)'
            cand --help 'Print help (--help shows more)'
            cand -V 'Print the version'
            cand --version 'Print the version'
        }
        &'zelty-bridge;grant-support'= {
            cand --profile 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]'
            cand --lang 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]'
            cand --color 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]'
            cand --confirm 'Record that the access was given, without the guided walk'
            cand --revoke 'Guide the removal of the access and clear the record'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand --allow-insecure 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
            cand -h 'Print help (--help shows more)'
            cand --help 'Print help (--help shows more)'
            cand -V 'Print the version'
            cand --version 'Print the version'
        }
        &'zelty-bridge;disconnect'= {
            cand --profile 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]'
            cand --lang 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]'
            cand --color 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --force 'Remove the local connection even if HubRise cannot be told'
            cand --block 'Only guide a temporary block in the HubRise back office; keep everything'
            cand --keep-zelty 'Keep the Zelty key (and Hubrise V2 enabled in Zelty) for a later `connect`'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand --allow-insecure 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
            cand -h 'Print help (--help shows more)'
            cand --help 'Print help (--help shows more)'
            cand -V 'Print the version'
            cand --version 'Print the version'
        }
        &'zelty-bridge;status'= {
            cand --profile 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]'
            cand --lang 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]'
            cand --color 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]'
            cand --offline 'Show what is stored without calling the services'
            cand --all-profiles 'Show every profile'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand --allow-insecure 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
            cand -h 'Print help (--help shows more)'
            cand --help 'Print help (--help shows more)'
            cand -V 'Print the version'
            cand --version 'Print the version'
        }
        &'zelty-bridge;provision'= {
            cand --concurrency 'Restaurants connected at the same time [default: 8]'
            cand --profile 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]'
            cand --lang 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]'
            cand --color 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]'
            cand --dry-run 'Check everything, store nothing'
            cand --force 'Redo restaurants that are already connected'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand --allow-insecure 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
            cand -h 'Print help (--help shows more)'
            cand --help 'Print help (--help shows more)'
            cand -V 'Print the version'
            cand --version 'Print the version'
        }
        &'zelty-bridge;report'= {
            cand --output 'Write the report to FILE (readable only by you) instead of the screen'
            cand --profile 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]'
            cand --lang 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]'
            cand --color 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]'
            cand --offline 'Report what is stored without calling the services'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand --allow-insecure 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
            cand -h 'Print help (--help shows more)'
            cand --help 'Print help (--help shows more)'
            cand -V 'Print the version'
            cand --version 'Print the version'
        }
        &'zelty-bridge;completions'= {
            cand --profile 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]'
            cand --lang 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]'
            cand --color 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand --allow-insecure 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
            cand -h 'Print help (--help shows more)'
            cand --help 'Print help (--help shows more)'
            cand -V 'Print the version'
            cand --version 'Print the version'
        }
        &'zelty-bridge;sandbox'= {
            cand --locations 'HubRise locations in the demo account [default: 2] [env: ZELTY_BRIDGE_SANDBOX_LOCATIONS]'
            cand --restaurants 'Zelty restaurants, one API key each, besides the demo keys [default: 1] [env: ZELTY_BRIDGE_SANDBOX_RESTAURANTS]'
            cand --latency-ms 'Milliseconds added to every answer [default: 0] [env: ZELTY_BRIDGE_SANDBOX_LATENCY_MS]'
            cand --hubrise-port 'Port of the HubRise back office and OAuth server (0: any free port) [default: 0]'
            cand --api-port 'Port of the HubRise API (0: any free port) [default: 0]'
            cand --zelty-port 'Port of the Zelty API and back office (0: any free port) [default: 0]'
            cand --profile 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]'
            cand --lang 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]'
            cand --color 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]'
            cand --rate-limits 'Enforce the services'' rate limits (HubRise: 500 requests a minute per token)'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand --allow-insecure 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
            cand -h 'Print help (--help shows more)'
            cand --help 'Print help (--help shows more)'
            cand -V 'Print the version'
            cand --version 'Print the version'
        }
        &'zelty-bridge;help'= {
            cand connect 'Connect Zelty to HubRise: the Zelty key, the watch, the Zelty Bridge app, storage'
            cand app 'Connect the Zelty Bridge app in the HubRise back office (guided), or record it'
            cand grant-support 'Give Zelty''s support team access to your HubRise account (guided)'
            cand disconnect 'Revoke and remove the connection, on HubRise, on Zelty and on this machine'
            cand status 'Check the Zelty key, the Zelty Bridge app and the watch live, and show them'
            cand provision 'Connect many restaurants from a manifest, for CI'
            cand report 'A support report to send to Zelty: versions, the connections'' states, recent errors'
            cand completions 'Print a shell completion script'
            cand sandbox 'Serve the fake HubRise and Zelty in the foreground, for trying the tool and tests'
            cand help 'Print this message or the help of the given command'
        }
        &'zelty-bridge;help;connect'= {
        }
        &'zelty-bridge;help;app'= {
        }
        &'zelty-bridge;help;grant-support'= {
        }
        &'zelty-bridge;help;disconnect'= {
        }
        &'zelty-bridge;help;status'= {
        }
        &'zelty-bridge;help;provision'= {
        }
        &'zelty-bridge;help;report'= {
        }
        &'zelty-bridge;help;completions'= {
        }
        &'zelty-bridge;help;sandbox'= {
        }
        &'zelty-bridge;help;help'= {
        }
    ]
    $completions[$command]
}
