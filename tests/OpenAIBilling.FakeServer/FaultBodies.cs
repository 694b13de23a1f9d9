using System.Text;
using System.Text.Json.Nodes;

namespace OpenAIBilling.FakeServer;

/// <summary>The bodies the fault markers send (README.md, "Fault markers").</summary>
internal static class FaultBodies
{
    public static JsonObject RateLimited() => ErrorBodies.OpenAI(
        "Rate limit reached for requests per min (RPM): Limit 60, Used 60, Requested 1. Please try again later.",
        "requests", code: "rate_limit_exceeded");

    /// <summary>Same content as error.insufficient-quota.one-api-issue45.json.</summary>
    public static JsonObject InsufficientQuota() => ErrorBodies.OpenAI(
        "You exceeded your current quota, please check your plan and billing details.", "insufficient_quota");

    public static JsonObject RequestTimeout() => ErrorBodies.OpenAI("Request timed out.", "timeout");

    public static JsonObject Conflict() => ErrorBodies.OpenAI(
        "The request could not be completed because of a conflict with another request in progress. Please retry.",
        "invalid_request_error", code: "conflict");

    public static JsonObject ServerError() => ErrorBodies.OpenAI(
        "The server had an error while processing your request. Sorry about that!", "server_error");

    /// <summary>What api.openai.com sends for a Cloudflare 502 as JSON: note <c>code</c> is a number.</summary>
    public static JsonObject BadGateway() => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = 502,
            ["message"] = "Bad gateway.",
            ["param"] = null,
            ["type"] = "cf_bad_gateway",
        },
    };

    public static JsonObject Overloaded() => ErrorBodies.OpenAI("The server is overloaded or not ready yet.", "server_error");

    /// <summary><c>[[[…]]]</c>, <paramref name="depth"/> levels.</summary>
    public static byte[] Nested(int depth) => Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', depth));

    /// <summary>
    /// 200 bodies of the wrong shape, one per path family, so every parser meets something it cannot take:
    /// numbers as non-numeric strings, nulls, arrays where objects belong and objects where arrays belong.
    /// </summary>
    public static JsonNode WrongShape(string path)
    {
        string json = LegacyBilling.Match(path, allowV1: true, allowBare: true) switch
        {
            LegacyPath.Subscription =>
                """{"object":"billing_subscription","has_payment_method":"yes","soft_limit_usd":null,"hard_limit_usd":"lots","system_hard_limit_usd":[25.5],"access_until":"never","plan":[1,2],"account_name":{"a":1},"daily_costs":{"a":1},"data":"x","grants":[]}""",
            LegacyPath.Usage =>
                """{"object":"list","total_usage":"lots","daily_costs":{"a":1},"data":[null]}""",
            LegacyPath.CreditGrants =>
                """{"object":"credit_summary","total_granted":"lots","total_used":null,"total_available":[12.75],"grants":[]}""",
            _ when path == "/v1/balances" =>
                """{"object":"balance","total_granted_usd":"lots","total_used_usd":null,"total_available_usd":{"usd":37.655},"expires_at":"never"}""",
            _ => AdminApi.Match(path)?.Endpoint switch
            {
                AdminEndpoint.SpendLimit =>
                    """{"object":"organization.spend_limit","threshold_amount":"lots","currency":null,"interval":[1,2],"enforcement":"enforcing"}""",
                AdminEndpoint.ProjectSpendLimit =>
                    """{"object":"project.spend_limit","threshold_amount":null,"currency":["USD"],"interval":null,"enforcement":{"status":[1]}}""",
                AdminEndpoint.Projects =>
                    """{"object":"list","data":{"id":null,"name":[1]},"first_id":1,"last_id":null,"has_more":"lots"}""",
                AdminEndpoint.Costs =>
                    """{"object":"page","data":[{"object":"bucket","start_time":"lots","end_time":null,"results":{"amount":"lots"}},"x"],"has_more":"lots","next_page":[1,2]}""",
                AdminEndpoint.Usage =>
                    """{"object":"page","data":[{"object":"bucket","start_time":"lots","end_time":null,"results":[{"object":"organization.usage.completions.result","input_tokens":"lots","num_model_requests":null,"project_id":[1]}]}],"has_more":null,"next_page":{"a":1}}""",
                _ => """{"object":"lots","data":"x"}""",
            },
        };
        return JsonNode.Parse(json)!;
    }

    /// <summary>A Cloudflare "502 Bad gateway" page, about 2 KB, as proxies in front of relays send it.</summary>
    public const string CloudflareBadGateway = """
        <!DOCTYPE html>
        <!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
        <!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->
        <head>
        <title>api.openai.com | 502: Bad gateway</title>
        <meta charset="UTF-8" />
        <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
        </head>
        <body>
        <div id="cf-wrapper">
          <div id="cf-error-details" class="p-0">
            <header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
              <h1 class="inline-block sm:block sm:mb-2 font-light text-60 leading-tight mr-2">
                <span class="inline-block">Bad gateway</span>
                <span class="code-label">Error code 502</span>
              </h1>
              <div>Visit <a href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_502&amp;utm_campaign=api.openai.com" target="_blank" rel="noopener noreferrer">cloudflare.com</a> for more information.</div>
            </header>
            <div class="my-8 bg-gradient-gray">
              <div id="cf-browser-status" class="relative w-1/3 float-left text-center"><span>You</span> <h3>Browser</h3> <span class="text-green-success">Working</span></div>
              <div id="cf-cloudflare-status" class="relative w-1/3 float-left text-center"><span>Frankfurt</span> <h3>Cloudflare</h3> <span class="text-green-success">Working</span></div>
              <div id="cf-host-status" class="cf-error-source relative w-1/3 float-left text-center"><span>api.openai.com</span> <h3>Host</h3> <span class="text-red-error">Error</span></div>
            </div>
            <div class="w-240 lg:w-full mx-auto mb-8 lg:px-8">
              <div class="w-1/2 float-left pr-6"><h2>What happened?</h2><p>The web server reported a bad gateway error.</p></div>
              <div class="w-1/2 float-left"><h2>What can I do?</h2><p class="mb-6">Please try again in a few minutes.</p></div>
            </div>
            <div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 mx-auto text-center">
              <p class="text-13">
                <span class="cf-footer-item">Cloudflare Ray ID: <strong class="font-semibold">8e7a1b2c3d4e5f60</strong></span>
                <span class="cf-footer-separator">&bull;</span>
                <span class="cf-footer-item">Performance &amp; security by <a rel="noopener noreferrer" href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_502" target="_blank">Cloudflare</a></span>
              </p>
            </div>
          </div>
        </div>
        </body>
        </html>
        """;

    /// <summary>What a captive portal or SSO proxy answers with HTTP 200 instead of the API's JSON.</summary>
    public const string LoginPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Sign in - Corporate Network Access</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        </head>
        <body>
        <main class="login">
          <h1>Sign in to continue</h1>
          <p>Your session has expired. Please sign in to access this resource.</p>
          <form method="post" action="/login?next=%2Fv1%2Fdashboard%2Fbilling%2Fsubscription">
            <label>User name <input type="text" name="username" autocomplete="username"></label>
            <label>Password <input type="password" name="password" autocomplete="current-password"></label>
            <button type="submit">Sign in</button>
          </form>
        </main>
        </body>
        </html>
        """;
}
