<#
.SYNOPSIS
    The usual script for "what did I spend over the last N days", one request after another: the baseline of
    benchmark scenarios 2 and 3.
.DESCRIPTION
    A session key (sess-…): the legacy dashboard usage endpoint, in windows of at most 100 days (its limit),
    fetched in sequence; one object with the total in USD (total_usage is in cents).
    An Admin key (sk-admin-…): /v1/organization/costs with limit=180 grouped by line item and project, following
    next_page in sequence; one object per (line item, project) with a non-zero total.
    Dates are UTC days, StartDate = today - (Days - 1), through today. No retries, no error handling.
.EXAMPLE
    ./Naive-Usage.ps1 -ApiKey $sessionKey -BaseUri http://127.0.0.1:5000 -Days 365
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ApiKey,
    [Parameter(Mandatory)][string] $BaseUri,
    [int] $Days = 365
)

$ErrorActionPreference = 'Stop'
$BaseUri = $BaseUri.TrimEnd('/')
$headers = @{ Authorization = "Bearer $ApiKey" }
$today = [DateTime]::UtcNow.Date
$start = $today.AddDays( - ($Days - 1))
$endExclusive = $today.AddDays(1)

if (-not $ApiKey.StartsWith('sk-admin-')) {
    $totalCents = [decimal] 0
    for ($from = $start; $from -lt $endExclusive; $from = $from.AddDays(100)) {
        $to = if ($from.AddDays(100) -lt $endExclusive) { $from.AddDays(100) } else { $endExclusive }
        $usage = Invoke-RestMethod -Headers $headers -Uri ("$BaseUri/v1/dashboard/billing/usage?start_date={0:yyyy-MM-dd}&end_date={1:yyyy-MM-dd}" -f $from, $to)
        $totalCents += [decimal] $usage.total_usage
    }
    [pscustomobject]@{ StartDate = $start; EndDate = $today; AmountUsd = $totalCents / 100 }
    return
}

$unixStart = [DateTimeOffset]::new($start, [TimeSpan]::Zero).ToUnixTimeSeconds()
$unixEnd = [DateTimeOffset]::new($endExclusive, [TimeSpan]::Zero).ToUnixTimeSeconds()
$query = "start_time=$unixStart&end_time=$unixEnd&bucket_width=1d&limit=180&group_by[]=line_item&group_by[]=project_id"
$sums = [ordered] @{}
$page = $null
do {
    $uri = "$BaseUri/v1/organization/costs?$query" + $(if ($page) { '&page=' + [uri]::EscapeDataString($page) })
    $response = Invoke-RestMethod -Headers $headers -Uri $uri
    foreach ($bucket in $response.data) {
        foreach ($result in $bucket.results) {
            $group = "$($result.line_item)|$($result.project_id)"
            $sums[$group] = [decimal] $sums[$group] + [decimal] $result.amount.value
        }
    }
    $page = $response.next_page
} while ($response.has_more)

foreach ($group in $sums.Keys | Sort-Object -CaseSensitive) {
    if ($sums[$group] -eq 0) { continue }
    $lineItem, $project = $group.Split('|')
    [pscustomobject]@{ StartDate = $start; EndDate = $today; LineItem = $lineItem; ProjectId = $project; AmountUsd = $sums[$group] }
}
