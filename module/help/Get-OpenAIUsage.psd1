# Help source of Get-OpenAIUsage; build/HelpBuilder.psm1 turns it into MAML. Common parameters: CommonParameters.psd1.
@{
    Synopsis    = 'Gets money spent over a range of UTC days, as cost records, in total or per day, by line item, project or key.'
    Description = @(
        'Get-OpenAIUsage answers "what did I spend, on what" for one key or for every key piped to it. It writes OpenAIBilling.CostRecord objects: AmountUsd (US dollars, decimal) spent from StartDate to EndDate (UTC calendar days, both inclusive), for one group.'
        'With an Admin key (sk-admin-) the costs come from GET /v1/organization/costs (Source Costs), which can split them by LineItem, Project and ApiKey and filter them by -ProjectId and -ApiKeyId. With any other key they come from the dashboard usage endpoint (Source DashboardUsage), which knows line items only: -GroupBy Project or ApiKey, -ProjectId and -ApiKeyId then fail with OpenAIBilling.InvalidArgument. On api.openai.com the dashboard answers browser session keys (sess-) only; an ordinary key gets OpenAIBilling.SessionKeyRequired. Relays (one-api, new-api and the like) answer their own tokens but ignore the dates: they give the token''s spending since it was created, with no daily or line-item breakdown. Their record says so: StartDate is empty and EndDate is today, whatever range was asked, and -Granularity Daily or -GroupBy gives that one record too. A warning naming the key''s KeyHint says so once per key, unless all time was asked (-StartDate 2020-01-01 or earlier, through today). A record never claims a range it does not cover.'
        'With an Admin key only the cost buckets that start in the asked range count, whatever else a server sends. When a server answers the windows of one range in both shapes (some with a daily breakdown, some with a total only), each window''s money counts once: Total adds every window, and Daily gives a window that has only a total as one record covering that window. Money in a currency other than US dollars is OpenAIBilling.InvalidResponse, never relabelled.'
        'The range is -Period (default ThisMonth: the first day of the current UTC month through today) or -StartDate and -EndDate. Only the date part of a date is used and its Kind is ignored: -StartDate 2026-11-01 -EndDate 2026-11-30 is 30 days. An -EndDate after today (UTC) is taken as today, with a verbose message. An -EndDate before -StartDate, or a -StartDate after today, fails with OpenAIBilling.InvalidDateRange.'
        'Long ranges are split into windows the server accepts (180 days for costs, 100 for the dashboard usage), fetched concurrently and written in date order; pages are followed to the end, so nothing is cut short. -Granularity Total (the default) writes one record per group for the whole range when the key''s range is complete; Daily writes one per day per group as the windows arrive. Without -GroupBy every period has a record, 0 when nothing was spent; with -GroupBy only groups with a non-zero amount are written. Records are ordered by input key, then StartDate, then LineItem, ProjectId and ApiKeyId.'
        'Keys piped in (strings, SecureStrings, or objects with ApiKey, BaseUri and Name properties such as the rows of Import-Csv) are answered concurrently, up to -ThrottleLimit requests at a time; results keep the input order. A key that fails writes a non-terminating error naming its KeyHint and Name, and the other keys go on.'
    )
    Parameters  = @{
        ApiKey      = @{
            Description = @(
                'The key, as a string, a SecureString (from Get-Secret, or a Key Vault secret''s SecretValue) or a PSCredential (its password, as Get-AutomationPSCredential gives it); nothing else is accepted. Also known as -Key and -Token. Surrounding whitespace and one pair of quotes are removed; a key that is empty after that, or has whitespace, a control character or anything outside printable ASCII inside (a byte-order mark, curly quotes), fails with OpenAIBilling.InvalidApiKeyFormat before any request. An Admin key (sk-admin-) reads the organization costs; a session key (sess-) or a relay token reads the dashboard usage.'
                'Takes keys from the pipeline by value (Get-Content keys.txt, or the objects this module writes, which carry the key that produced them without ever showing it) and by the ApiKey, Key or Token property (Import-Csv keys.csv). A piped object that brings no key is OpenAIBilling.NoApiKey for that item: the environment''s key is never used for it.'
                'When -ApiKey is not given, the key is $env:OPENAI_ADMIN_KEY if the host is api.openai.com (an Admin key is never sent to a relay by default), else $env:OPENAI_API_KEY. With neither, the call fails with OpenAIBilling.NoApiKey.'
            )
            Default     = '$env:OPENAI_ADMIN_KEY (api.openai.com only), then $env:OPENAI_API_KEY'
        }
        Period      = @{
            Description = @(
                'A named range of UTC calendar days: Today; Yesterday; Last7Days and Last30Days (ending today); ThisMonth (the first of the month through today); LastMonth (the whole previous month); ThisYear (1 January through today).'
            )
        }
        StartDate   = @{
            Description = @(
                'The first UTC calendar day of the range (inclusive). Only the date part is used, whatever its Kind. A -StartDate after today fails with OpenAIBilling.InvalidDateRange.'
            )
        }
        EndDate     = @{
            Description = @(
                'The last UTC calendar day of the range (inclusive). Only the date part is used. A date after today is taken as today (a verbose message says so); a date before -StartDate fails with OpenAIBilling.InvalidDateRange.'
            )
            Default     = 'Today (UTC)'
        }
        Granularity = @{
            Description = @(
                'Total writes one record per group for the whole range; Daily writes one record per UTC day per group. Relays give no daily breakdown: Daily then writes their one record (no StartDate, EndDate today) and a warning.'
            )
        }
        GroupBy     = @{
            Description = @(
                'Splits the costs by LineItem (the model and kind of use, for example "gpt-4o-2024-08-06, input"), Project (ProjectId) and ApiKey (ApiKeyId), in any combination. Project and ApiKey need an Admin key; the dashboard usage of other keys knows line items only. With -GroupBy only groups that spent something are written.'
            )
            Default     = 'None (one record per period)'
        }
        ProjectId   = @{
            Description = @(
                'Only the costs of these projects (proj_...). Needs an Admin key; with any other key the item fails with OpenAIBilling.InvalidArgument.'
            )
        }
        ApiKeyId    = @{
            Description = @(
                'Only the costs of these API keys, by key ID (key_..., as in the ApiKeyId property), not the keys themselves. Needs an Admin key; with any other key the item fails with OpenAIBilling.InvalidArgument.'
            )
        }
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'A key, for example one line of Get-Content keys.txt.' }
        @{ Type = 'System.Security.SecureString'; Description = 'A key, for example from Get-Secret.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with ApiKey, BaseUri and Name properties, such as the rows of Import-Csv keys.csv; each property may be missing.' }
    )
    Outputs     = @(
        @{ Type = 'OpenAIBilling.CostRecord'; Description = 'Name, KeyHint, BaseUri, StartDate, EndDate (UTC days, inclusive), AmountUsd (decimal USD), LineItem, ProjectId, ApiKeyId (when grouped by them), Quantity, QuantityUnit (when the server says) and Source (Costs or DashboardUsage). Flat records: Group-Object, Measure-Object, Export-Csv and ConvertTo-Json work on them directly.' }
    )
    Notes       = @(
        'Errors have a FullyQualifiedErrorId starting with OpenAIBilling.<Id>, and ErrorDetails.RecommendedAction says what to do. Those this cmdlet may give: NoApiKey, InvalidApiKeyFormat, InvalidArgument, InvalidDateRange, InvalidApiKey, KeyExhausted, SessionKeyRequired (an ordinary key on api.openai.com), AdminKeyRequired, EndpointNotFound, RateLimited, ServerError, ConnectionFailed, ApiError, InvalidResponse, Timeout, UnencryptedAuthentication.'
        'The key never appears in output or messages; KeyHint is its only trace. -Verbose shows the range reported and each request. On Windows PowerShell 5.1, -Debug stops to ask before each debug message; set $DebugPreference = ''Continue'' instead.'
    )
    Examples    = @(
        @{
            Title   = 'Last month''s spend by line item'
            Code    = 'Get-OpenAIUsage -Period LastMonth -GroupBy LineItem | Sort-Object AmountUsd -Descending'
            Remarks = @(
                'Uses $env:OPENAI_ADMIN_KEY (or $env:OPENAI_API_KEY). Each record is one line item''s cost over the whole of last month (UTC); line items that cost nothing are left out.'
            )
        }
        @{
            Title   = 'Daily spend per project for a quarter'
            Code    = 'Get-OpenAIUsage -StartDate 2026-01-01 -EndDate 2026-03-31 -Granularity Daily -GroupBy Project'
            Remarks = @(
                'Both dates are inclusive UTC days: this is 90 days. Grouping by project needs an Admin key. The records are flat: add | Export-Csv costs.csv to keep them.'
            )
        }
        @{
            Title   = 'Spend of many keys from a CSV file'
            Code    = 'Import-Csv keys.csv | Get-OpenAIUsage -Period Last30Days | Select-Object Name, Source, StartDate, EndDate, AmountUsd'
            Remarks = @(
                'keys.csv has the columns ApiKey, BaseUri and Name. Each key gets one record for the last 30 days (today included); relays report their total since the token was created whatever the dates, with StartDate empty.'
            )
        }
        @{
            Title   = 'Azure Automation runbook: alert on yesterday''s spend'
            Code    = @'
$key = Get-AutomationPSCredential -Name 'OpenAIAdminKey'
$spent = Get-OpenAIUsage -ApiKey $key -Period Yesterday -ErrorAction Stop
$spent
if ($spent.AmountUsd -gt 100) {
    Get-OpenAIUsage -ApiKey $key -Period Yesterday -GroupBy Project, LineItem
    throw "OpenAI spend on $($spent.EndDate.ToString('yyyy-MM-dd')) (UTC) was $($spent.AmountUsd) USD."
}
'@
            Remarks = @(
                'The Admin key is stored as an Automation credential (its password is the key). Without -GroupBy there is always exactly one record per key, 0 when nothing was spent, and -ErrorAction Stop makes a failed call fail the job. When yesterday cost more than 100 USD the breakdown by project and line item goes to the job output and throw fails the job (Write-Error would not).'
            )
        }
    )
}
