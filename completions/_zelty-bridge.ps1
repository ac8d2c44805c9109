
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'zelty-bridge' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'zelty-bridge'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'zelty-bridge' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON object on stdout (errors too)')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--allow-insecure', '--allow-insecure', [CompletionResultType]::ParameterName, 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect Zelty to HubRise: the Zelty key, the watch, the Zelty Bridge app, storage')
            [CompletionResult]::new('app', 'app', [CompletionResultType]::ParameterValue, 'Connect the Zelty Bridge app in the HubRise back office (guided), or record it')
            [CompletionResult]::new('grant-support', 'grant-support', [CompletionResultType]::ParameterValue, 'Give Zelty''s support team access to your HubRise account (guided)')
            [CompletionResult]::new('disconnect', 'disconnect', [CompletionResultType]::ParameterValue, 'Revoke and remove the connection, on HubRise, on Zelty and on this machine')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check the Zelty key, the Zelty Bridge app and the watch live, and show them')
            [CompletionResult]::new('provision', 'provision', [CompletionResultType]::ParameterValue, 'Connect many restaurants from a manifest, for CI')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'A support report to send to Zelty: versions, the connections'' states, recent errors')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Serve the fake HubRise and Zelty in the foreground, for trying the tool and tests')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given command')
            break
        }
        'zelty-bridge;connect' {
            [CompletionResult]::new('--restaurant-id', '--restaurant-id', [CompletionResultType]::ParameterName, 'The Zelty restaurant to connect, when the key sees several')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'The HubRise permissions the watch asks for (read-only by default) [default: location[orders.read,catalog.read,customer_list.read]]')
            [CompletionResult]::new('--catalog-id', '--catalog-id', [CompletionResultType]::ParameterName, 'The HubRise catalog to record, when the location has several')
            [CompletionResult]::new('--customer-list-id', '--customer-list-id', [CompletionResultType]::ParameterName, 'The HubRise customer list to record, when the location has several')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the authorization in the browser, and for Zelty Bridge [default: 300]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]')
            [CompletionResult]::new('--zelty-api-key-stdin', '--zelty-api-key-stdin', [CompletionResultType]::ParameterName, 'Read the Zelty API key from standard input instead of prompting')
            [CompletionResult]::new('--no-browser', '--no-browser', [CompletionResultType]::ParameterName, 'Do not open a browser: print the address (and a QR code for a phone), then type the code HubRise shows')
            [CompletionResult]::new('--no-watch', '--no-watch', [CompletionResultType]::ParameterName, 'Go on without the watch (zelty-bridge''s own read-only HubRise connection)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing connection without asking')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON object on stdout (errors too)')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--allow-insecure', '--allow-insecure', [CompletionResultType]::ParameterName, 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            break
        }
        'zelty-bridge;app' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to watch for Zelty Bridge while you work in the back office [default: 600]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]')
            [CompletionResult]::new('--confirm', '--confirm', [CompletionResultType]::ParameterName, 'Record that Zelty Bridge is connected and configured, without the walk')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON object on stdout (errors too)')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--allow-insecure', '--allow-insecure', [CompletionResultType]::ParameterName, 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            break
        }
        'zelty-bridge;grant-support' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]')
            [CompletionResult]::new('--confirm', '--confirm', [CompletionResultType]::ParameterName, 'Record that the access was given, without the guided walk')
            [CompletionResult]::new('--revoke', '--revoke', [CompletionResultType]::ParameterName, 'Guide the removal of the access and clear the record')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON object on stdout (errors too)')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--allow-insecure', '--allow-insecure', [CompletionResultType]::ParameterName, 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            break
        }
        'zelty-bridge;disconnect' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Remove the local connection even if HubRise cannot be told')
            [CompletionResult]::new('--block', '--block', [CompletionResultType]::ParameterName, 'Only guide a temporary block in the HubRise back office; keep everything')
            [CompletionResult]::new('--keep-zelty', '--keep-zelty', [CompletionResultType]::ParameterName, 'Keep the Zelty key (and Hubrise V2 enabled in Zelty) for a later `connect`')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON object on stdout (errors too)')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--allow-insecure', '--allow-insecure', [CompletionResultType]::ParameterName, 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            break
        }
        'zelty-bridge;status' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Show what is stored without calling the services')
            [CompletionResult]::new('--all-profiles', '--all-profiles', [CompletionResultType]::ParameterName, 'Show every profile')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON object on stdout (errors too)')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--allow-insecure', '--allow-insecure', [CompletionResultType]::ParameterName, 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            break
        }
        'zelty-bridge;provision' {
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Restaurants connected at the same time [default: 8]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything, store nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Redo restaurants that are already connected')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON object on stdout (errors too)')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--allow-insecure', '--allow-insecure', [CompletionResultType]::ParameterName, 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            break
        }
        'zelty-bridge;report' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE (readable only by you) instead of the screen')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Report what is stored without calling the services')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON object on stdout (errors too)')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--allow-insecure', '--allow-insecure', [CompletionResultType]::ParameterName, 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            break
        }
        'zelty-bridge;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON object on stdout (errors too)')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--allow-insecure', '--allow-insecure', [CompletionResultType]::ParameterName, 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            break
        }
        'zelty-bridge;sandbox' {
            [CompletionResult]::new('--locations', '--locations', [CompletionResultType]::ParameterName, 'HubRise locations in the demo account [default: 2] [env: ZELTY_BRIDGE_SANDBOX_LOCATIONS]')
            [CompletionResult]::new('--restaurants', '--restaurants', [CompletionResultType]::ParameterName, 'Zelty restaurants, one API key each, besides the demo keys [default: 1] [env: ZELTY_BRIDGE_SANDBOX_RESTAURANTS]')
            [CompletionResult]::new('--latency-ms', '--latency-ms', [CompletionResultType]::ParameterName, 'Milliseconds added to every answer [default: 0] [env: ZELTY_BRIDGE_SANDBOX_LATENCY_MS]')
            [CompletionResult]::new('--hubrise-port', '--hubrise-port', [CompletionResultType]::ParameterName, 'Port of the HubRise back office and OAuth server (0: any free port) [default: 0]')
            [CompletionResult]::new('--api-port', '--api-port', [CompletionResultType]::ParameterName, 'Port of the HubRise API (0: any free port) [default: 0]')
            [CompletionResult]::new('--zelty-port', '--zelty-port', [CompletionResultType]::ParameterName, 'Port of the Zelty API and back office (0: any free port) [default: 0]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The connection to work on; each profile has its own secrets [default: default] [env: ZELTY_BRIDGE_PROFILE]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [default: from LC_ALL, LC_MESSAGES or LANG] [values: fr, en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured) [default: auto] [values: auto, always, never]')
            [CompletionResult]::new('--rate-limits', '--rate-limits', [CompletionResultType]::ParameterName, 'Enforce the services'' rate limits (HubRise: 500 requests a minute per token)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the result as one JSON object on stdout (errors too)')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt: fail with the flag or variable to use instead (implied by CI=true or when stdin or stderr is not a terminal)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Use the embedded sandbox (fake HubRise and Zelty on this machine) instead of the real services; real secrets and profiles are never touched')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results, warnings and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more (-vv: every HTTP call, without secrets)')
            [CompletionResult]::new('--allow-insecure', '--allow-insecure', [CompletionResultType]::ParameterName, 'Allow plain http:// service addresses off this machine (the key and the token then cross the network unencrypted; also ZELTY_BRIDGE_ALLOW_INSECURE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (--help shows more)')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print the version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print the version')
            break
        }
        'zelty-bridge;help' {
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect Zelty to HubRise: the Zelty key, the watch, the Zelty Bridge app, storage')
            [CompletionResult]::new('app', 'app', [CompletionResultType]::ParameterValue, 'Connect the Zelty Bridge app in the HubRise back office (guided), or record it')
            [CompletionResult]::new('grant-support', 'grant-support', [CompletionResultType]::ParameterValue, 'Give Zelty''s support team access to your HubRise account (guided)')
            [CompletionResult]::new('disconnect', 'disconnect', [CompletionResultType]::ParameterValue, 'Revoke and remove the connection, on HubRise, on Zelty and on this machine')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check the Zelty key, the Zelty Bridge app and the watch live, and show them')
            [CompletionResult]::new('provision', 'provision', [CompletionResultType]::ParameterValue, 'Connect many restaurants from a manifest, for CI')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'A support report to send to Zelty: versions, the connections'' states, recent errors')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Serve the fake HubRise and Zelty in the foreground, for trying the tool and tests')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given command')
            break
        }
        'zelty-bridge;help;connect' {
            break
        }
        'zelty-bridge;help;app' {
            break
        }
        'zelty-bridge;help;grant-support' {
            break
        }
        'zelty-bridge;help;disconnect' {
            break
        }
        'zelty-bridge;help;status' {
            break
        }
        'zelty-bridge;help;provision' {
            break
        }
        'zelty-bridge;help;report' {
            break
        }
        'zelty-bridge;help;completions' {
            break
        }
        'zelty-bridge;help;sandbox' {
            break
        }
        'zelty-bridge;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
