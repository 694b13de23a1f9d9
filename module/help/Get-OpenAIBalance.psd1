# Help source of Get-OpenAIBalance; build/HelpBuilder.psm1 turns it into MAML. Common parameters: CommonParameters.psd1.
@{
    Synopsis    = 'Gets how much money is left for an OpenAI or relay key.'
    Description = @(
        'Get-OpenAIBalance answers "how much money is left" for one key or for every key piped to it. No single OpenAI endpoint answers that question, so the cmdlet looks at the kind of key (by its prefix) and at the host of -BaseUri, asks the source that can answer, and names it in the Source property of the result.'
        'With -Source Auto (the default) the sources are tried in this order. Admin key (sk-admin-), any host: SpendLimit (the organization spend limit and the month-to-date costs, fetched together). Session key (sess-) on api.openai.com: Subscription (the dashboard subscription and usage), then CreditGrants. Session key on a relay: Balances (GET /v1/balances), then Subscription, then CreditGrants. Any other key (sk-, sk-proj-, sk-svcacct-) on a relay: Balances, then Subscription. Any other key on api.openai.com: Subscription, which OpenAI refuses, so the answer is the error OpenAIBilling.BalanceNotAvailable, naming the Admin key and the session key as the keys that work.'
        'Auto moves to the next source only when a source does not apply to the key: its endpoint is missing (404 or 405), OpenAI answers that the request "must be made with a session key", or an admin endpoint refuses a key that is not an Admin key. Any other failure (a wrong key, a rate limit, a server error, a timeout, a malformed answer) ends the call for that key with its own error, so an outage never silently gives you another source''s number. When no source applies, OpenAIBilling.BalanceNotAvailable lists each source tried and why. /v1/balances is never asked of api.openai.com; on other hosts one request per base URI finds out whether the host has it.'
        'All money is in US dollars as decimals (the cents of the dashboard usage and of the spend limit are converted). LimitUsd is the limit or the total granted, UsedUsd what was spent over PeriodStart to PeriodEnd (UTC calendar days, both inclusive; empty when the source gives a total only), AvailableUsd is LimitUsd minus UsedUsd or the source''s own figure, and PercentUsed is UsedUsd as a percentage of LimitUsd. With SpendLimit the period is the current UTC month; when the organization has no spend limit set, LimitUsd and AvailableUsd are empty and UsedUsd is still given. With Subscription the period is the current month when the account has a payment method, else the last 100 days. Relay tokens with unlimited quota have IsUnlimited set and no LimitUsd or AvailableUsd. ExpiresAt is when a relay token, the credit of a /v1/balances host or the earliest credit grant with money left runs out (OpenAI''s own subscription date is not used: it is stale).'
        'Where daily costs were fetched anyway (SpendLimit, and Subscription when the usage has a daily breakdown; never for relays) the result also forecasts, without any extra request. DailyAverageUsd is the mean spend of the complete UTC days of the period already fetched, at most the last 7 (empty on the period''s first day). ProjectedPeriodUsd is UsedUsd plus that daily rate times the days left in the period. ProjectedExhaustion is today plus AvailableUsd divided by the rate, rounded up to whole days, when that day falls within the period; otherwise it is empty.'
        'Keys piped in (strings, SecureStrings, or objects with ApiKey, BaseUri and Name properties such as the rows of Import-Csv) are answered concurrently, up to -ThrottleLimit requests at a time; results keep the input order and are written as soon as they and every key before them are done. Blank lines are skipped. A key that fails writes a non-terminating error whose target names its KeyHint and Name, and the other keys go on.'
    )
    Parameters  = @{
        ApiKey = @{
            Description = @(
                'The key, as a string, a SecureString (from Get-Secret, or a Key Vault secret''s SecretValue) or a PSCredential (its password, as Get-AutomationPSCredential gives it); nothing else is accepted. Also known as -Key and -Token. Surrounding whitespace and one pair of quotes are removed; a key that is empty after that, or has whitespace, a control character or anything outside printable ASCII inside (a byte-order mark, curly quotes), fails with OpenAIBilling.InvalidApiKeyFormat before any request. An Admin key (sk-admin-), a browser session key (sess-) or a relay token can answer; see the description for which source answers which key.'
                'Takes keys from the pipeline by value (Get-Content keys.txt, or the objects this module writes, which carry the key that produced them without ever showing it) and by the ApiKey, Key or Token property (Import-Csv keys.csv). A piped object that brings no key is OpenAIBilling.NoApiKey for that item: the environment''s key is never used for it.'
                'When -ApiKey is not given, the key is $env:OPENAI_ADMIN_KEY if the host is api.openai.com (an Admin key is never sent to a relay by default), else $env:OPENAI_API_KEY. With neither, the call fails with OpenAIBilling.NoApiKey, naming every place looked.'
            )
            Default     = '$env:OPENAI_ADMIN_KEY (api.openai.com only), then $env:OPENAI_API_KEY'
        }
        Source = @{
            Description = @(
                'Which source answers. Auto tries the sources that fit the key kind and host, in order, moving on only when a source does not apply. Any other value asks that source alone and reports its own error: Balances (GET /v1/balances, on hosts that have it), SpendLimit (Admin key: organization spend limit minus month-to-date costs), Subscription (dashboard subscription and usage: session keys, relays), CreditGrants (dashboard credit grants: session keys).'
            )
        }
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'A key, for example one line of Get-Content keys.txt.' }
        @{ Type = 'System.Security.SecureString'; Description = 'A key, for example from Get-Secret.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with ApiKey, BaseUri and Name properties, such as the rows of Import-Csv keys.csv; each property may be missing.' }
    )
    Outputs     = @(
        @{ Type = 'OpenAIBilling.Balance'; Description = 'One per key: Name, KeyHint, BaseUri, Source, LimitUsd, UsedUsd, AvailableUsd, PercentUsed, PeriodStart, PeriodEnd, ExpiresAt, IsUnlimited, DailyAverageUsd, ProjectedPeriodUsd, ProjectedExhaustion, RetrievedAt. Money in USD (decimal), dates as UTC days, instants as UTC DateTimeOffset.' }
    )
    Notes       = @(
        'Errors have a FullyQualifiedErrorId starting with OpenAIBilling.<Id>, and ErrorDetails.RecommendedAction says what to do. Those this cmdlet may give: NoApiKey, InvalidApiKeyFormat, InvalidArgument (a bad -BaseUri), InvalidApiKey, KeyExhausted (a relay token whose quota is used up), SessionKeyRequired and AdminKeyRequired (with a forced -Source), BalanceNotAvailable, EndpointNotFound (with a forced -Source), RateLimited, ServerError, ConnectionFailed, ApiError, InvalidResponse, Timeout, UnencryptedAuthentication. The exception carries StatusCode, ErrorType, ErrorCode and RequestId when the server gave them.'
        'The key never appears in output, verbose, debug, warning or error text; KeyHint (the key''s kind prefix, "..." and its last 4 characters) is its only trace. -Verbose shows each request and which source answered; -Debug adds the response headers. On Windows PowerShell 5.1, -Debug stops to ask before each debug message; set $DebugPreference = ''Continue'' instead.'
        'There is no Connect- cmdlet and no session state: defaults come from $PSDefaultParameterValues (for example $PSDefaultParameterValues[''*-OpenAI*:BaseUri'']) and the environment variables named under -ApiKey and -BaseUri; secrets come from a vault through -ApiKey (Get-Secret OpenAI).'
    )
    Links       = @(
        @{ Text = 'OpenAI Admin keys: https://platform.openai.com/settings/organization/admin-keys' }
    )
    Examples    = @(
        @{
            Title   = 'Money left for the key in the environment'
            Code    = 'Get-OpenAIBalance'
            Remarks = @(
                'With $env:OPENAI_ADMIN_KEY set to an Admin key, this reports the organization''s spend limit, the costs of the current UTC month, what is left and, after the month''s first day, the daily average and where the month will end. With only $env:OPENAI_API_KEY set, that key is used; an ordinary sk- key on api.openai.com gets OpenAIBilling.BalanceNotAvailable, which says to use an Admin key or a session key.'
            )
        }
        @{
            Title   = 'Many keys from a CSV file'
            Code    = 'Import-Csv keys.csv | Get-OpenAIBalance | Sort-Object AvailableUsd | Format-Table Name, Source, LimitUsd, UsedUsd, AvailableUsd, ExpiresAt'
            Remarks = @(
                'keys.csv has the columns ApiKey, BaseUri and Name (any may be missing or empty; an empty BaseUri means the default). The keys are answered concurrently; a key that fails writes an error naming its Name and KeyHint, and the others go on.'
            )
        }
        @{
            Title   = 'Relay tokens from a text file'
            Code    = 'Get-Content keys.txt | Get-OpenAIBalance -BaseUri https://relay.example.com/v1 -ThrottleLimit 4'
            Remarks = @(
                'One token per line; blank lines are skipped. On a relay (one-api, new-api and the like) the answer comes from GET /v1/balances where the relay has it, else from its dashboard subscription and usage. Unlimited tokens show IsUnlimited and no limit.'
            )
        }
        @{
            Title   = 'A key from a vault and a relay as the session default'
            Code    = @'
$PSDefaultParameterValues['*-OpenAI*:BaseUri'] = 'https://relay.example.com/v1'
Get-OpenAIBalance -ApiKey (Get-Secret RelayToken) -Name 'relay'
'@
            Remarks = @(
                'Get-Secret (Microsoft.PowerShell.SecretManagement) returns a SecureString, which -ApiKey takes as it is. $PSDefaultParameterValues gives every OpenAIBilling cmdlet the relay''s base URI for the rest of the session.'
            )
        }
        @{
            Title   = 'Ask one source only'
            Code    = 'Get-OpenAIBalance -ApiKey (Get-Secret OpenAISession) -Source CreditGrants'
            Remarks = @(
                'A forced source reports its own error instead of moving on, for example OpenAIBilling.SessionKeyRequired when the key is not a session key.'
            )
        }
        @{
            Title   = 'Azure Automation runbook: alert when money runs low'
            Code    = @'
$balance = Get-OpenAIBalance -ApiKey (Get-AutomationPSCredential -Name 'OpenAIAdminKey') -Name 'prod' -ErrorAction Stop
$balance
$low = $null -ne $balance.AvailableUsd -and $balance.AvailableUsd -lt 50
$runningOut = $null -ne $balance.ProjectedExhaustion
if ($low -or $runningOut) {
    throw "OpenAI $($balance.KeyHint): $($balance.AvailableUsd) USD left, projected to run out on $($balance.ProjectedExhaustion)."
}
'@
            Remarks = @(
                'The Admin key is stored as an Automation credential (its password is the key; a Key Vault secret works the same: -ApiKey (Get-AzKeyVaultSecret -VaultName kv -Name OpenAI).SecretValue). Only a terminating error fails an Azure Automation job, and Write-Error does not: throw does, so an Azure Monitor alert on failed jobs can notify you. AvailableUsd is null for unlimited tokens and when no spend limit is set, and $null -lt 50 is true, so the test checks for null first. examples/runbooks/Watch-OpenAIBalance.ps1 in the repository checks many keys.'
            )
        }
    )
}
