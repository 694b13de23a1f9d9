# Help text of the parameters every OpenAIBilling cmdlet has (src/OpenAIBilling/Commands/BillingCommand.cs).
# build/HelpBuilder.psm1 merges these into each cmdlet's help; a cmdlet's own psd1 may override one.
# Default is shown where the cmdlet class cannot say it (an environment variable, a behaviour instead of a value).
@{
    BaseUri                        = @{
        Description = @(
            'The base URI of the OpenAI API or of an OpenAI-compatible relay (one-api, new-api and the like), with or without a trailing /v1, for example https://relay.example.com/v1. A base URI whose host is api.openai.com is OpenAI; every other host is treated as a relay, and that decides which sources can answer (see about_OpenAIBilling).'
            'Relative URIs, query strings, fragments and credentials before an @ are rejected with OpenAIBilling.InvalidArgument. A key is never sent over plain http:// except to a loopback address (see -AllowUnencryptedAuthentication).'
            'Also known as -BaseUrl and -Url. Takes the BaseUri, BaseUrl or Url property of piped objects, so a CSV file can give one base URI per key; an empty value counts as not given. For a whole session, set $PSDefaultParameterValues[''*-OpenAI*:BaseUri''] = ''https://relay.example.com/v1'' or $env:OPENAI_BASE_URL.'
        )
        Default     = '$env:OPENAI_BASE_URL, else https://api.openai.com'
    }
    Name                           = @{
        Description = @(
            'A label copied into the Name property of every object written for this input, so that the results of many keys (Import-Csv keys.csv) stay identifiable. Takes the Name property of piped objects. It is never sent to the server.'
        )
    }
    Organization                   = @{
        Description = @(
            'An organization ID (org-...), sent as the OpenAI-Organization header, for a key that belongs to more than one organization.'
            'Like -Project and both environment variables, it must be printable ASCII: a line break or any other character fails with OpenAIBilling.InvalidArgument before any request, so it can never add a header.'
        )
        Default     = '$env:OPENAI_ORG_ID'
    }
    Project                        = @{
        Description = @(
            'A project ID (proj_...), sent as the OpenAI-Project header. It says which project the request is made as; to choose whose spending is reported, use -ProjectId where the cmdlet has it.'
        )
        Default     = '$env:OPENAI_PROJECT_ID'
    }
    Proxy                          = @{
        Description = @(
            'An HTTP proxy for every request of this call, for example http://proxy.example.com:8080. Without it the platform''s proxy settings apply: on PowerShell 7 the HTTPS_PROXY, HTTP_PROXY and NO_PROXY environment variables, else the system proxy; on Windows PowerShell 5.1 only the proxy of Windows'' Internet Options.'
            'On Windows PowerShell 5.1 (.NET Framework) the HTTPS_PROXY and NO_PROXY environment variables are never read, and requests to a loopback address (localhost, 127.0.0.1, ::1) always bypass the proxy, -Proxy included.'
            'A proxy would read a key sent over plain http://, so such a request that would go through a proxy (on PowerShell 7 even one to a loopback address) fails with OpenAIBilling.UnencryptedAuthentication before anything is sent, unless -AllowUnencryptedAuthentication is given.'
        )
        Default     = 'None (the platform''s proxy settings)'
    }
    TimeoutSec                     = @{
        Description = @(
            'Seconds each request may take, each retry counting as a new request. A request that gets no answer in time is retried like a connection failure; when no retries are left the item fails with OpenAIBilling.Timeout.'
        )
    }
    MaximumRetryCount              = @{
        Description = @(
            'How many times a failed request is tried again. Retried: 408, 409, 429 (but not 429 insufficient_quota, which needs money, not time), 5xx answers, connection failures and timeouts. Never retried: 400, 401, 403 and 404. A server that asks to wait more than 120 seconds fails at once with OpenAIBilling.RateLimited.'
            'A request still failing after the last retry is reported with its own error id, for example OpenAIBilling.RateLimited, ServerError, ConnectionFailed or Timeout.'
        )
    }
    RetryIntervalSec               = @{
        Description = @(
            'A fixed number of seconds to wait between retries. The server''s own retry-after-ms or Retry-After header still comes first.'
            'Without it the wait is an exponential backoff: 0.5 seconds doubled at each retry, plus or minus 25 percent, at most 8 seconds.'
        )
        Default     = 'None (exponential backoff)'
    }
    ThrottleLimit                  = @{
        Description = @(
            'How many requests of this call may be in flight at once, across all keys, date windows and hosts. Results are still written in input order. A request waiting out a retry delay does not hold a slot.'
            'Over HTTP/2 (PowerShell 7 asks for it and uses it where the host offers it) the requests to a host are streams on one connection; over HTTP/1.1 each request in flight is a connection of its own.'
            'Without -ThrottleLimit up to 64 requests are in flight, but at most 8 to a host until it has answered over HTTP/2, and again at most 8 to a host that answered 429 (too many requests) during the call. So a host that speaks only HTTP/1.1 sees at most 8 connections. Inputs are started a bounded number ahead of the output (4 times the limit), so memory stays flat however many keys are piped.'
        )
        Default     = '64 in flight; at most 8 to a host that does not speak HTTP/2'
    }
    AllowUnencryptedAuthentication = @{
        Description = @(
            'Allows sending the key over plain http:// to a host that is not a loopback address, or through a proxy. Without it such a call fails with OpenAIBilling.UnencryptedAuthentication and nothing is sent. Use it only on a network you trust: the key travels in clear text.'
        )
    }
}
