
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
            cand --profile 'The connection to work on; each profile has its own secrets'
            cand --lang 'Language of messages [default: from LC_ALL, LC_MESSAGES or LANG]'
            cand --color 'When to colour the output (NO_COLOR is honoured)'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand connect 'Connect Zelty to HubRise: the Zelty key, the watch, the Zelty Bridge app, storage'
            cand app 'Connect the Zelty Bridge app in the HubRise back office (guided), or record it'
            cand grant-support 'Give Zelty''s support team access to your HubRise account (guided)'
            cand disconnect 'Revoke and remove the connection, on HubRise, on Zelty and on this machine'
            cand status 'Check the Zelty key, the Zelty Bridge app and the watch live, and show them'
            cand provision 'Connect many restaurants from a manifest, for CI'
            cand report 'A support report to send to Zelty: versions, the connections'' states, recent errors'
            cand completions 'Print a shell completion script'
            cand sandbox 'Serve the fake HubRise and Zelty in the foreground, for trying the tool and tests'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'zelty-bridge;connect'= {
            cand --restaurant-id 'The Zelty restaurant to connect, when the key sees several'
            cand --scope 'The HubRise permissions the watch asks for (read-only by default)'
            cand --catalog-id 'The HubRise catalog to record, when the location has several'
            cand --customer-list-id 'The HubRise customer list to record, when the location has several'
            cand --timeout 'Seconds to wait for the authorization in the browser, and for Zelty Bridge'
            cand --profile 'The connection to work on; each profile has its own secrets'
            cand --lang 'Language of messages [default: from LC_ALL, LC_MESSAGES or LANG]'
            cand --color 'When to colour the output (NO_COLOR is honoured)'
            cand --zelty-api-key-stdin 'Read the Zelty API key from standard input instead of prompting'
            cand --no-browser 'Do not open a browser: print the URL and paste the code HubRise shows'
            cand --no-watch 'Go on without the watch (zelty-bridge''s own read-only HubRise connection)'
            cand --force 'Replace an existing connection without asking'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'zelty-bridge;app'= {
            cand --timeout 'Seconds to watch for Zelty Bridge while you work in the back office'
            cand --profile 'The connection to work on; each profile has its own secrets'
            cand --lang 'Language of messages [default: from LC_ALL, LC_MESSAGES or LANG]'
            cand --color 'When to colour the output (NO_COLOR is honoured)'
            cand --confirm 'Record that Zelty Bridge is connected and configured, without the walk'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'zelty-bridge;grant-support'= {
            cand --profile 'The connection to work on; each profile has its own secrets'
            cand --lang 'Language of messages [default: from LC_ALL, LC_MESSAGES or LANG]'
            cand --color 'When to colour the output (NO_COLOR is honoured)'
            cand --confirm 'Record that the access was given, without the guided walk'
            cand --revoke 'Guide the removal of the access and clear the record'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'zelty-bridge;disconnect'= {
            cand --profile 'The connection to work on; each profile has its own secrets'
            cand --lang 'Language of messages [default: from LC_ALL, LC_MESSAGES or LANG]'
            cand --color 'When to colour the output (NO_COLOR is honoured)'
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
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'zelty-bridge;status'= {
            cand --profile 'The connection to work on; each profile has its own secrets'
            cand --lang 'Language of messages [default: from LC_ALL, LC_MESSAGES or LANG]'
            cand --color 'When to colour the output (NO_COLOR is honoured)'
            cand --offline 'Show what is stored without calling the services'
            cand --all-profiles 'Show every profile'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'zelty-bridge;provision'= {
            cand --concurrency 'Restaurants connected at the same time'
            cand --profile 'The connection to work on; each profile has its own secrets'
            cand --lang 'Language of messages [default: from LC_ALL, LC_MESSAGES or LANG]'
            cand --color 'When to colour the output (NO_COLOR is honoured)'
            cand --dry-run 'Check everything, store nothing'
            cand --force 'Redo restaurants that are already connected'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'zelty-bridge;report'= {
            cand --output 'Write the report to FILE (readable only by you) instead of the screen'
            cand --profile 'The connection to work on; each profile has its own secrets'
            cand --lang 'Language of messages [default: from LC_ALL, LC_MESSAGES or LANG]'
            cand --color 'When to colour the output (NO_COLOR is honoured)'
            cand --offline 'Report what is stored without calling the services'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'zelty-bridge;completions'= {
            cand --profile 'The connection to work on; each profile has its own secrets'
            cand --lang 'Language of messages [default: from LC_ALL, LC_MESSAGES or LANG]'
            cand --color 'When to colour the output (NO_COLOR is honoured)'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'zelty-bridge;sandbox'= {
            cand --locations 'HubRise locations in the demo account'
            cand --restaurants 'Zelty restaurants, one API key each, besides the demo keys'
            cand --latency-ms 'Milliseconds added to every answer'
            cand --hubrise-port 'Port of the HubRise back office and OAuth server (0: any free port)'
            cand --api-port 'Port of the HubRise API (0: any free port)'
            cand --zelty-port 'Port of the Zelty API and back office (0: any free port)'
            cand --profile 'The connection to work on; each profile has its own secrets'
            cand --lang 'Language of messages [default: from LC_ALL, LC_MESSAGES or LANG]'
            cand --color 'When to colour the output (NO_COLOR is honoured)'
            cand --rate-limits 'Enforce the services'' rate limits (HubRise: 500 requests a minute per connection, orders 10 a minute; Zelty: 1 request a second per key)'
            cand --json 'Print the result as one JSON object on stdout (errors too)'
            cand --non-interactive 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
            cand --sandbox 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
            cand -q 'Print only results, warnings and errors'
            cand --quiet 'Print only results, warnings and errors'
            cand -v 'Explain more (-vv: every HTTP call, without secrets)'
            cand --verbose 'Explain more (-vv: every HTTP call, without secrets)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand help 'Print this message or the help of the given subcommand(s)'
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
