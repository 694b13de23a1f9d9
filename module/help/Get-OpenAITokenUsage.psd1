# Help source of Get-OpenAITokenUsage; build/HelpBuilder.psm1 turns it into MAML. Common parameters: CommonParameters.psd1.
# The GroupBy lines must match src/OpenAIBilling.Client/Admin/UsageEndpointSpec.cs (tests/pester/Help.Tests.ps1 checks them).
@{
    Synopsis    = 'Gets tokens, requests, images and other usage per time bucket from the organization usage API (Admin key).'
    Description = @(
        'Get-OpenAITokenUsage reads one of the ten organization usage endpoints (GET /v1/organization/usage/{endpoint}) and writes one OpenAIBilling.TokenUsageRecord per time bucket and group: tokens (InputTokens, OutputTokens, InputCachedTokens), model requests (Requests, the API''s num_model_requests), tool calls (ToolRequests, num_requests), Images, Characters, Seconds, UsageBytes or Sessions, depending on the endpoint. A property the endpoint does not have is empty. For money, use Get-OpenAIUsage.'
        'Only an Admin key (sk-admin-, created by an organization Owner) may read these endpoints; any other key gets OpenAIBilling.AdminKeyRequired. Relays do not have them.'
        'The span is -Period (default ThisMonth), -StartDate and -EndDate (UTC calendar days, both inclusive; an -EndDate after today is taken as today), or -StartTime (inclusive) and -EndTime (exclusive, default now) as exact instants. Buckets are -BucketWidth wide (Day, Hour or Minute); the first may start at an unaligned -StartTime and the last may end now. The span is split into windows of one largest page each (31 days of daily buckets, 7 days of hourly, 1 day of minute buckets), fetched concurrently; pages are followed to the end and records are written window by window in time order. A bucket without usage writes nothing.'
        'Each endpoint accepts only some groupings and filters (see -GroupBy). Anything else fails with OpenAIBilling.InvalidArgument before any request is sent.'
    )
    Parameters  = @{
        ApiKey      = @{
            Description = @(
                'An Admin key (sk-admin-), as a string, a SecureString (from Get-Secret, or a Key Vault secret''s SecretValue) or a PSCredential (its password, as Get-AutomationPSCredential gives it); nothing else is accepted. Also known as -Key and -Token. Surrounding whitespace and one pair of quotes are removed; a key that is empty after that, or has whitespace, a control character or anything outside printable ASCII inside (a byte-order mark, curly quotes), fails with OpenAIBilling.InvalidApiKeyFormat before any request.'
                'Takes keys from the pipeline by value (Get-Content keys.txt, or the objects this module writes, which carry the key that produced them without ever showing it) and by the ApiKey, Key or Token property (Import-Csv keys.csv). A piped object that brings no key is OpenAIBilling.NoApiKey for that item: the environment''s key is never used for it.'
                'When -ApiKey is not given, the key is $env:OPENAI_ADMIN_KEY if the host is api.openai.com (an Admin key is never sent to a relay by default), else $env:OPENAI_API_KEY. With neither, the call fails with OpenAIBilling.NoApiKey.'
            )
            Default     = '$env:OPENAI_ADMIN_KEY (api.openai.com only), then $env:OPENAI_API_KEY'
        }
        Endpoint    = @{
            Description = @(
                'Which usage endpoint to read: Completions, Embeddings, Moderations, Images, AudioSpeeches, AudioTranscriptions, VectorStores, CodeInterpreterSessions, FileSearchCalls or WebSearchCalls (on the wire completions, embeddings, moderations, images, audio_speeches, audio_transcriptions, vector_stores, code_interpreter_sessions, file_search_calls, web_search_calls). The Endpoint property of each record gives the wire name.'
            )
        }
        BucketWidth = @{
            Description = @(
                'The width of each time bucket: Day, Hour or Minute.'
            )
        }
        Period      = @{
            Description = @(
                'A named range of UTC calendar days: Today; Yesterday; Last7Days and Last30Days (ending today); ThisMonth (the first of the month through today); LastMonth (the whole previous month); ThisYear (1 January through today).'
            )
        }
        StartDate   = @{
            Description = @(
                'The first UTC calendar day (inclusive). Only the date part is used, whatever its Kind. A -StartDate after today fails with OpenAIBilling.InvalidDateRange.'
            )
        }
        EndDate     = @{
            Description = @(
                'The last UTC calendar day (inclusive). Only the date part is used; a date after today is taken as today, and a date before -StartDate fails with OpenAIBilling.InvalidDateRange.'
            )
            Default     = 'Today (UTC)'
        }
        StartTime   = @{
            Description = @(
                'The first instant (inclusive), as a DateTimeOffset; a DateTime is taken in its own Kind (local unless it says UTC).'
            )
        }
        EndTime     = @{
            Description = @(
                'The end instant (exclusive). An -EndTime not after -StartTime fails with OpenAIBilling.InvalidDateRange.'
            )
            Default     = 'Now'
        }
        GroupBy     = @{
            Description = @(
                'Splits the usage of each bucket by these fields; the record then carries the matching property (Model, ProjectId, ApiKeyId, UserId, Batch, ServiceTier, Size, ImageSource, VectorStoreId, ContextLevel). Each endpoint accepts only some groups; any other fails with OpenAIBilling.InvalidArgument:'
                'Completions: Project, User, ApiKey, Model, Batch, ServiceTier.'
                'Embeddings: Project, User, ApiKey, Model.'
                'Moderations: Project, User, ApiKey, Model.'
                'Images: Project, User, ApiKey, Model, Size, Source.'
                'AudioSpeeches: Project, User, ApiKey, Model.'
                'AudioTranscriptions: Project, User, ApiKey, Model.'
                'VectorStores: Project.'
                'CodeInterpreterSessions: Project.'
                'FileSearchCalls: Project, User, ApiKey, VectorStore.'
                'WebSearchCalls: Project, User, ApiKey, Model, ContextLevel.'
            )
            Default     = 'None (one record per bucket)'
        }
        Model       = @{
            Description = @(
                'Only usage of these models (for example gpt-4o-mini-2024-07-18). Not accepted by VectorStores, CodeInterpreterSessions and FileSearchCalls (OpenAIBilling.InvalidArgument).'
            )
        }
        ProjectId   = @{
            Description = @(
                'Only usage of these projects (proj_...). Every endpoint accepts it.'
            )
        }
        ApiKeyId    = @{
            Description = @(
                'Only usage of these API keys, by key ID (key_..., as in the ApiKeyId property), not the keys themselves. Not accepted by VectorStores and CodeInterpreterSessions (OpenAIBilling.InvalidArgument).'
            )
        }
        UserId      = @{
            Description = @(
                'Only usage of these users (user-...). Not accepted by VectorStores and CodeInterpreterSessions (OpenAIBilling.InvalidArgument).'
            )
        }
    }
    Inputs      = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with ApiKey, BaseUri and Name properties, such as the rows of Import-Csv keys.csv; each property may be missing.' }
    )
    Outputs     = @(
        @{ Type = 'OpenAIBilling.TokenUsageRecord'; Description = 'One per bucket and group: Name, KeyHint, BaseUri, StartTime, EndTime (UTC DateTimeOffset, end exclusive), Endpoint, the group properties and the metrics the endpoint has (InputTokens, OutputTokens, InputCachedTokens, Requests, ToolRequests, Images, Characters, Seconds, UsageBytes, Sessions).' }
    )
    Notes       = @(
        'Errors have a FullyQualifiedErrorId starting with OpenAIBilling.<Id>, and ErrorDetails.RecommendedAction says what to do. Those this cmdlet may give: NoApiKey, InvalidApiKeyFormat, InvalidArgument, InvalidDateRange (both before any request), InvalidApiKey, AdminKeyRequired, EndpointNotFound, RateLimited, ServerError, ConnectionFailed, ApiError, InvalidResponse, Timeout, UnencryptedAuthentication.'
        'The key never appears in output or messages; KeyHint is its only trace. On Windows PowerShell 5.1, -Debug stops to ask before each debug message; set $DebugPreference = ''Continue'' instead.'
    )
    Links       = @(
        @{ Text = 'OpenAI Admin keys: https://platform.openai.com/settings/organization/admin-keys' }
    )
    Examples    = @(
        @{
            Title   = 'Tokens per model over the last seven days'
            Code    = @'
Get-OpenAITokenUsage -Period Last7Days -GroupBy Model |
    Group-Object Model |
    ForEach-Object {
        [pscustomobject]@{
            Model        = $_.Name
            InputTokens  = ($_.Group | Measure-Object InputTokens -Sum).Sum
            OutputTokens = ($_.Group | Measure-Object OutputTokens -Sum).Sum
            Requests     = ($_.Group | Measure-Object Requests -Sum).Sum
        }
    }
'@
            Remarks = @(
                'Uses $env:OPENAI_ADMIN_KEY. Each daily record is one model''s usage of the completions endpoint on one UTC day; Group-Object and Measure-Object add them up per model.'
            )
        }
        @{
            Title   = 'Images per size, hour by hour, for the last six hours'
            Code    = 'Get-OpenAITokenUsage -ApiKey (Get-Secret OpenAIAdmin) -Endpoint Images -BucketWidth Hour -StartTime ([DateTimeOffset]::UtcNow.AddHours(-6)) -GroupBy Size, Source'
            Remarks = @(
                'The Admin key comes from a vault as a SecureString. The first bucket starts at the -StartTime given and the last ends now.'
            )
        }
        @{
            Title   = 'Usage for the Admin keys in a CSV file'
            Code    = 'Import-Csv keys.csv | Where-Object ApiKey -like ''sk-admin-*'' | Get-OpenAITokenUsage -Endpoint Embeddings -Period Last7Days -GroupBy Project'
            Remarks = @(
                'keys.csv has the columns ApiKey, BaseUri and Name; only its Admin keys can read the usage API. Each record carries the Name of its row.'
            )
        }
        @{
            Title   = 'Azure Automation runbook: alert on yesterday''s token use'
            Code    = @'
$key = Get-AutomationPSCredential -Name 'OpenAIAdminKey'
$usage = @(Get-OpenAITokenUsage -ApiKey $key -Period Yesterday -GroupBy Project -ErrorAction Stop)
$tokens = [long] ($usage | Measure-Object InputTokens, OutputTokens -Sum | Measure-Object Sum -Sum).Sum
[pscustomobject]@{ Day = [DateTime]::UtcNow.Date.AddDays(-1); Tokens = $tokens; Projects = $usage.Count }
if ($tokens -gt 50000000) {
    throw "OpenAI used $tokens tokens yesterday (UTC)."
}
'@
            Remarks = @(
                'The Admin key is stored as an Automation credential (its password is the key). The runbook always writes a one-line summary, and fails the job with throw (Write-Error would not) when yesterday''s input and output tokens of all projects add up to more than 50 million.'
            )
        }
    )
}
