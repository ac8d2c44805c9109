# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_zelty_bridge_global_optspecs
    string join \n profile= json non-interactive lang= sandbox q/quiet v/verbose allow-insecure color= h/help V/version
end

function __fish_zelty_bridge_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_zelty_bridge_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_zelty_bridge_using_subcommand
    set -l cmd (__fish_zelty_bridge_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -l profile -d 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -l lang -d 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]' -r -f -a "fr\t''
en\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -l color -d 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -l json -d 'Print the result as one JSON object on stdout (errors too)'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -l non-interactive -d 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -l sandbox -d 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -s q -l quiet -d 'Print only results, warnings and errors'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -s v -l verbose -d 'Explain more (-vv: every HTTP call, without secrets)'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -l allow-insecure -d 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -s h -l help -d 'Print help (--help shows more)'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -s V -l version -d 'Print the version'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -f -a "connect" -d 'Connect Zelty to HubRise: the Zelty key, the watch, the Zelty Bridge app, storage'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -f -a "app" -d 'Connect the Zelty Bridge app in the HubRise back office (guided), or record it'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -f -a "grant-support" -d 'Give Zelty\'s support team access to your HubRise account (guided)'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -f -a "disconnect" -d 'Revoke and remove the connection, on HubRise, on Zelty and on this machine'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -f -a "status" -d 'Check the Zelty key, the Zelty Bridge app and the watch live, and show them'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -f -a "provision" -d 'Connect many restaurants from a manifest, for CI'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -f -a "report" -d 'A support report to send to Zelty: versions, the connections\' states, recent errors'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -f -a "sandbox" -d 'Serve the fake HubRise and Zelty in the foreground, for trying the tool and tests'
complete -c zelty-bridge -n "__fish_zelty_bridge_needs_command" -f -a "help" -d 'Print this message or the help of the given command'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l restaurant-id -d 'The Zelty restaurant to connect, when the key sees several' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l scope -d 'The HubRise permissions the watch asks for (read-only by default) [default: location[orders.read,catalog.read,customer_list.read]]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l catalog-id -d 'The HubRise catalog to record, when the location has several' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l customer-list-id -d 'The HubRise customer list to record, when the location has several' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l timeout -d 'Seconds to wait for the authorization in the browser, and for Zelty Bridge [default: 300]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l profile -d 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l lang -d 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]' -r -f -a "fr\t''
en\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l color -d 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l zelty-api-key-stdin -d 'Read the Zelty API key from standard input instead of prompting'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l no-browser -d 'Do not open a browser: print the address (and a QR code for a phone), then type the code HubRise shows'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l no-watch -d 'Go on without the watch (zelty-bridge\'s own read-only HubRise connection)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l force -d 'Replace an existing connection without asking'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l json -d 'Print the result as one JSON object on stdout (errors too)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l non-interactive -d 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l sandbox -d 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -s q -l quiet -d 'Print only results, warnings and errors'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -s v -l verbose -d 'Explain more (-vv: every HTTP call, without secrets)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -l allow-insecure -d 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -s h -l help -d 'Print help (--help shows more)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand connect" -s V -l version -d 'Print the version'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -l timeout -d 'Seconds to watch for Zelty Bridge while you work in the back office [default: 600]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -l profile -d 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -l lang -d 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]' -r -f -a "fr\t''
en\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -l color -d 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -l confirm -d 'Record that Zelty Bridge is connected and configured, without the walk'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -l json -d 'Print the result as one JSON object on stdout (errors too)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -l non-interactive -d 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -l sandbox -d 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -s q -l quiet -d 'Print only results, warnings and errors'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -s v -l verbose -d 'Explain more (-vv: every HTTP call, without secrets)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -l allow-insecure -d 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -s h -l help -d 'Print help (--help shows more)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand app" -s V -l version -d 'Print the version'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -l profile -d 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -l lang -d 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]' -r -f -a "fr\t''
en\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -l color -d 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -l confirm -d 'Record that the access was given, without the guided walk'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -l revoke -d 'Guide the removal of the access and clear the record'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -l json -d 'Print the result as one JSON object on stdout (errors too)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -l non-interactive -d 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -l sandbox -d 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -s q -l quiet -d 'Print only results, warnings and errors'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -s v -l verbose -d 'Explain more (-vv: every HTTP call, without secrets)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -l allow-insecure -d 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -s h -l help -d 'Print help (--help shows more)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand grant-support" -s V -l version -d 'Print the version'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -l profile -d 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -l lang -d 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]' -r -f -a "fr\t''
en\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -l color -d 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -s y -l yes -d 'Do not ask for confirmation'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -l force -d 'Remove the local connection even if HubRise cannot be told'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -l block -d 'Only guide a temporary block in the HubRise back office; keep everything'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -l keep-zelty -d 'Keep the Zelty key (and Hubrise V2 enabled in Zelty) for a later `connect`'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -l json -d 'Print the result as one JSON object on stdout (errors too)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -l non-interactive -d 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -l sandbox -d 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -s q -l quiet -d 'Print only results, warnings and errors'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -s v -l verbose -d 'Explain more (-vv: every HTTP call, without secrets)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -l allow-insecure -d 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -s h -l help -d 'Print help (--help shows more)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand disconnect" -s V -l version -d 'Print the version'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -l profile -d 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -l lang -d 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]' -r -f -a "fr\t''
en\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -l color -d 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -l offline -d 'Show what is stored without calling the services'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -l all-profiles -d 'Show every profile'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -l json -d 'Print the result as one JSON object on stdout (errors too)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -l non-interactive -d 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -l sandbox -d 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -s q -l quiet -d 'Print only results, warnings and errors'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -s v -l verbose -d 'Explain more (-vv: every HTTP call, without secrets)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -l allow-insecure -d 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -s h -l help -d 'Print help (--help shows more)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand status" -s V -l version -d 'Print the version'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -l concurrency -d 'Restaurants connected at the same time [default: 8]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -l profile -d 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -l lang -d 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]' -r -f -a "fr\t''
en\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -l color -d 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -l dry-run -d 'Check everything, store nothing'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -l force -d 'Redo restaurants that are already connected'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -l json -d 'Print the result as one JSON object on stdout (errors too)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -l non-interactive -d 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -l sandbox -d 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -s q -l quiet -d 'Print only results, warnings and errors'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -s v -l verbose -d 'Explain more (-vv: every HTTP call, without secrets)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -l allow-insecure -d 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -s h -l help -d 'Print help (--help shows more)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand provision" -s V -l version -d 'Print the version'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -l output -d 'Write the report to FILE (readable only by you) instead of the screen' -r -F
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -l profile -d 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -l lang -d 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]' -r -f -a "fr\t''
en\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -l color -d 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -l offline -d 'Report what is stored without calling the services'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -l json -d 'Print the result as one JSON object on stdout (errors too)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -l non-interactive -d 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -l sandbox -d 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -s q -l quiet -d 'Print only results, warnings and errors'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -s v -l verbose -d 'Explain more (-vv: every HTTP call, without secrets)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -l allow-insecure -d 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -s h -l help -d 'Print help (--help shows more)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand report" -s V -l version -d 'Print the version'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand completions" -l profile -d 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand completions" -l lang -d 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]' -r -f -a "fr\t''
en\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand completions" -l color -d 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand completions" -l json -d 'Print the result as one JSON object on stdout (errors too)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand completions" -l non-interactive -d 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand completions" -l sandbox -d 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand completions" -s q -l quiet -d 'Print only results, warnings and errors'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand completions" -s v -l verbose -d 'Explain more (-vv: every HTTP call, without secrets)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand completions" -l allow-insecure -d 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand completions" -s h -l help -d 'Print help (--help shows more)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand completions" -s V -l version -d 'Print the version'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l locations -d 'HubRise locations in the demo account [default: 2] [env: ZELTY_BRIDGE_SANDBOX_LOCATIONS]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l restaurants -d 'Zelty restaurants, one API key each, besides the demo keys [default: 1] [env: ZELTY_BRIDGE_SANDBOX_RESTAURANTS]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l latency-ms -d 'Milliseconds added to every answer [default: 0] [env: ZELTY_BRIDGE_SANDBOX_LATENCY_MS]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l hubrise-port -d 'Port of the HubRise back office and OAuth server (0: any free port) [default: 0]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l api-port -d 'Port of the HubRise API (0: any free port) [default: 0]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l zelty-port -d 'Port of the Zelty API and back office (0: any free port) [default: 0]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l profile -d 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]' -r
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l lang -d 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]' -r -f -a "fr\t''
en\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l color -d 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l rate-limits -d 'Enforce the services\' rate limits (HubRise: 500 requests a minute per token)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l json -d 'Print the result as one JSON object on stdout (errors too)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l non-interactive -d 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l sandbox -d 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -s q -l quiet -d 'Print only results, warnings and errors'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -s v -l verbose -d 'Explain more (-vv: every HTTP call, without secrets)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -l allow-insecure -d 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -s h -l help -d 'Print help (--help shows more)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand sandbox" -s V -l version -d 'Print the version'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand help; and not __fish_seen_subcommand_from connect app grant-support disconnect status provision report completions sandbox help" -f -a "connect" -d 'Connect Zelty to HubRise: the Zelty key, the watch, the Zelty Bridge app, storage'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand help; and not __fish_seen_subcommand_from connect app grant-support disconnect status provision report completions sandbox help" -f -a "app" -d 'Connect the Zelty Bridge app in the HubRise back office (guided), or record it'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand help; and not __fish_seen_subcommand_from connect app grant-support disconnect status provision report completions sandbox help" -f -a "grant-support" -d 'Give Zelty\'s support team access to your HubRise account (guided)'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand help; and not __fish_seen_subcommand_from connect app grant-support disconnect status provision report completions sandbox help" -f -a "disconnect" -d 'Revoke and remove the connection, on HubRise, on Zelty and on this machine'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand help; and not __fish_seen_subcommand_from connect app grant-support disconnect status provision report completions sandbox help" -f -a "status" -d 'Check the Zelty key, the Zelty Bridge app and the watch live, and show them'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand help; and not __fish_seen_subcommand_from connect app grant-support disconnect status provision report completions sandbox help" -f -a "provision" -d 'Connect many restaurants from a manifest, for CI'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand help; and not __fish_seen_subcommand_from connect app grant-support disconnect status provision report completions sandbox help" -f -a "report" -d 'A support report to send to Zelty: versions, the connections\' states, recent errors'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand help; and not __fish_seen_subcommand_from connect app grant-support disconnect status provision report completions sandbox help" -f -a "completions" -d 'Print a shell completion script'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand help; and not __fish_seen_subcommand_from connect app grant-support disconnect status provision report completions sandbox help" -f -a "sandbox" -d 'Serve the fake HubRise and Zelty in the foreground, for trying the tool and tests'
complete -c zelty-bridge -n "__fish_zelty_bridge_using_subcommand help; and not __fish_seen_subcommand_from connect app grant-support disconnect status provision report completions sandbox help" -f -a "help" -d 'Print this message or the help of the given command'
