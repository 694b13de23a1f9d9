<#
.SYNOPSIS
    Speed and memory benchmark of OpenAIBilling against the fake billing server on loopback, over plain http with the
    latency injected by the server. Invoke-HttpsBenchmark.ps1 is its HTTPS counterpart (tests/bench/RESULTS.md has the runs).
.DESCRIPTION
    Starts tests/OpenAIBilling.FakeServer with an injected per-request latency and times whole child shells, each
    started the same way: dotnet <PSHOME>/pwsh.dll -NoProfile -NonInteractive -c <script>.

      bare    a shell that does nothing: the start-up part of every ideal
      import  a shell that only imports the module: Import-Module's cost = this minus bare
      1       Get-Content keys.txt | Get-OpenAIBalance -ThrottleLimit 32, 64 relay keys   vs  Naive-Balance.ps1
      1b      the same with -Source Subscription (no /v1/balances probe): a diagnostic, no target
      2       Get-OpenAIUsage, one session key, 365 days (4 legacy windows)              vs  Naive-Usage.ps1
      3       Get-OpenAIUsage, one Admin key, 365 days -GroupBy LineItem, Project         vs  Naive-Usage.ps1

    Round 0 is the warm-up and the check: every command runs once in a form that prints how many objects it got and
    their money total, and the module must agree with the naive script (scenario 1's naive check uses 4 keys; the
    64-key naive script takes ~13 s, so its timed runs are -NaiveRuns, without a warm-up). Then -Runs interleaved
    rounds time each command with its output discarded ($null = …); the median counts. Every timed run's requests
    are counted from the fake server's request log and must all be answered as expected.

    ideal = bare start-up + round trips x latency, round trips = probes + ceiling((requests - probes) / ThrottleLimit).
    The ideal counts no import time. A relay's /v1/balances probe travels alone, because every other key for the
    host waits for its answer (docs/DESIGN.md, Sources and the Auto rules): scenario 1 has 1 probe, the others none.
    The 4 windows of 365 days of legacy usage go at once (1); the 3 windows of 365 days of costs go at once, one page
    each (1). Scenarios 2 and 3 run without -ThrottleLimit (8 in flight to a host that does not speak HTTP/2).

    Targets: scenario 1 at least 6x faster than the naive script; every scenario within 1.3x of its ideal;
    Import-Module adds at most 150 ms; scenario 1's peak working set at most 200 MB (the child's VmHWM, polled every
    10 ms through Process.PeakWorkingSet64). Exits 1 when a target is missed, 2 when a run fails or answers wrongly.

    Only 127.0.0.1 is contacted. PowerShell's own telemetry is switched off in the child shells
    (POWERSHELL_TELEMETRY_OPTOUT=1), so they send nothing anywhere else either.
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Bench
.EXAMPLE
    dotnet pwsh ./tests/bench/Invoke-Benchmark.ps1 -LatencyMs 50 -Runs 3 -NaiveRuns 1
#>
[CmdletBinding()]
param(
    [ValidateRange(0, 10000)][int] $LatencyMs = 100,
    [ValidateRange(1, 20)][int] $Runs = 5,
    [ValidateRange(0, 20)][int] $NaiveRuns = 3,
    [ValidateRange(2, 1000)][int] $KeyCount = 64,
    [ValidateRange(1, 64)][int] $ThrottleLimit = 32,
    [ValidateRange(1, 3650)][int] $Days = 365
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $root 'tests/pester/TestHelpers.psm1') -Force
Import-Module (Join-Path $root 'build/BuildTools.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
$manifest = Join-Path $root 'OpenAIBilling.psd1'
if (-not (Test-Path (Join-Path $root 'bin/OpenAIBilling.dll'))) { throw 'The module is not built: run ./build.ps1 -Task Bench (or -Task Build first).' }

# Targets (the plain-http targets of tests/bench/RESULTS.md).
$MinimumSpeedup = 6.0
$MaximumIdealRatio = 1.3
$MaximumImportMs = 150
$MaximumPeakMB = 200
$DefaultThrottleLimit = 8       # without -ThrottleLimit: in flight to a host that does not speak HTTP/2 (plain http)
$ChildTimeoutSec = 120
$CheckKeyCount = 4              # keys in the naive scenario 1 check run

$pwsh = @(Get-PwshCommand)
$work = Join-Path ([IO.Path]::GetTempPath()) ('openaibilling-bench-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory $work
$invariant = [Globalization.CultureInfo]::InvariantCulture

function New-Command {
    # A command to time ($null = <Expression>) and to check (<Expression>, then "count total" of <Property>).
    param([string] $Name, [string] $Title, [string] $Prefix, [string] $Expression, [string] $Property, [int] $Probes, [int] $Throttle, [string] $CheckExpression)
    $prefixText = if ($Prefix) { "$Prefix; " } else { '' }
    if (-not $CheckExpression) { $CheckExpression = $Expression }
    $check = if ($Property) {
        $prefixText + "`$r = @($CheckExpression); " + '$t = [decimal] 0; foreach ($x in $r) { $t += $x.' + $Property + ' }; [Console]::Out.WriteLine("$($r.Count) $t")'
    }
    [pscustomobject]@{
        Name = $Name; Title = $Title; Probes = $Probes; Throttle = $Throttle
        Timed = $(if ($Expression) { $prefixText + "`$null = $Expression" } else { $Prefix })
        Check = $check
    }
}

$server = $null
$savedOptOut = $env:POWERSHELL_TELEMETRY_OPTOUT
$results = @{}
$checks = @{}
try {
    $env:POWERSHELL_TELEMETRY_OPTOUT = '1'
    $server = Start-FakeBillingServer -LatencyMs $LatencyMs
    foreach ($url in $server.OpenAI, $server.Relay, $server.Balances) {
        if (-not ([uri] $url).IsLoopback) { throw "The fake server is not on loopback: $url" }
    }

    $keysPath = Join-Path $work 'keys.txt'
    1..$KeyCount | ForEach-Object { New-TestKey -Prefix 'sk-' -Marker 'relayok' -Number $_ } | Set-Content -LiteralPath $keysPath
    $checkKeysPath = Join-Path $work 'check-keys.txt'
    Get-Content -LiteralPath $keysPath -TotalCount $CheckKeyCount | Set-Content -LiteralPath $checkKeysPath
    $sessionKey = Format-Quoted (New-TestKey -Prefix 'sess-' -Marker 'paid')
    $adminKey = Format-Quoted (New-TestKey -Prefix 'sk-admin-' -Marker 'org')
    $startDate = [DateTime]::UtcNow.Date.AddDays( - ($Days - 1)).ToString('yyyy-MM-dd', $invariant)
    $relay = Format-Quoted $server.Relay
    $openai = Format-Quoted $server.OpenAI
    $import = 'Import-Module ' + (Format-Quoted $manifest)
    $naiveBalance = '& ' + (Format-Quoted (Join-Path $PSScriptRoot 'Naive-Balance.ps1'))
    $naiveUsage = '& ' + (Format-Quoted (Join-Path $PSScriptRoot 'Naive-Usage.ps1'))
    $keys = Format-Quoted $keysPath

    $commands = @(
        New-Command 'bare' 'bare pwsh -NoProfile' '$null' '' '' 0 1
        New-Command 'import' 'Import-Module only' $import '' '' 0 1
        New-Command 's1' "1  $KeyCount relay keys, -ThrottleLimit $ThrottleLimit" $import "Get-Content $keys | Get-OpenAIBalance -BaseUri $relay -ThrottleLimit $ThrottleLimit" 'AvailableUsd' 1 $ThrottleLimit
        New-Command 's1b' '1b same, -Source Subscription (no probe)' $import "Get-Content $keys | Get-OpenAIBalance -BaseUri $relay -ThrottleLimit $ThrottleLimit -Source Subscription" 'AvailableUsd' 0 $ThrottleLimit
        New-Command 's2' "2  session key, $Days days of usage" $import "Get-OpenAIUsage -ApiKey $sessionKey -BaseUri $openai -StartDate $startDate" 'AmountUsd' 0 $DefaultThrottleLimit
        New-Command 's3' "3  Admin key, $Days days of costs by item, project" $import "Get-OpenAIUsage -ApiKey $adminKey -BaseUri $openai -StartDate $startDate -GroupBy LineItem, Project" 'AmountUsd' 0 $DefaultThrottleLimit
        New-Command 's2-naive' '' '' "$naiveUsage -ApiKey $sessionKey -BaseUri $openai -Days $Days" 'AmountUsd' 0 1
        New-Command 's3-naive' '' '' "$naiveUsage -ApiKey $adminKey -BaseUri $openai -Days $Days" 'AmountUsd' 0 1
        New-Command 's1-naive' '' '' "$naiveBalance -Path $keys -BaseUri $relay" 'AvailableUsd' 0 1 "$naiveBalance -Path $(Format-Quoted $checkKeysPath) -BaseUri $relay"
    )
    foreach ($command in $commands) { $results[$command.Name] = [Collections.Generic.List[object]]::new() }

    Write-Host ("OpenAIBilling benchmark: latency {0} ms; median of {1} runs after a warm-up (naive scenario 1: {2} runs); load average {3}" -f $LatencyMs, $Runs, $NaiveRuns, $(if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { 'n/a' }))
    Write-Host ("Child shells: {0} -NoProfile -NonInteractive -c <script>" -f ($pwsh -join ' '))
    for ($round = 0; $round -le $Runs; $round++) {
        foreach ($command in $commands) {
            $isCheck = $round -eq 0
            if ($command.Name -eq 's1-naive' -and $round -gt $NaiveRuns) { continue }
            $script = if ($isCheck -and $command.Check) { $command.Check } else { $command.Timed }
            Clear-FakeServerLog $server
            $run = Invoke-Child -Pwsh $pwsh -Script $script -TimeoutSec $ChildTimeoutSec
            $log = @(Get-FakeServerLog $server)
            if ($run.ExitCode -ne 0 -or $run.Error) { throw "$($command.Name) failed (exit code $($run.ExitCode)): $($run.Error)" }
            $run | Add-Member -NotePropertyMembers @{ Requests = $log.Count; Log = $log }
            if ($isCheck) { $checks[$command.Name] = $run } else { $results[$command.Name].Add($run) }
        }
        Write-Host ("  round {0} of {1} done{2}" -f $round, $Runs, $(if ($round -eq 0) { ' (warm-up and check)' }))
    }
}
finally {
    if ($server) { Stop-FakeBillingServer $server }
    $env:POWERSHELL_TELEMETRY_OPTOUT = $savedOptOut
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

# ---- Checks: the right requests, the right answers, the module agreeing with the naive scripts.
$wrong = [Collections.Generic.List[string]]::new()
$expectedRequests = @{
    s1 = 1 + 2 * $KeyCount; s1b = 2 * $KeyCount; 's1-naive' = 2 * $KeyCount
    s2 = [Math]::Ceiling($Days / 100); 's2-naive' = [Math]::Ceiling($Days / 100)
    s3 = [Math]::Ceiling($Days / 180); 's3-naive' = [Math]::Ceiling($Days / 180)
}
foreach ($name in $expectedRequests.Keys) {
    foreach ($run in $results[$name]) {
        if ($run.Requests -ne $expectedRequests[$name]) { $wrong.Add("$name made $($run.Requests) requests, expected $($expectedRequests[$name])") }
        $bad = @($run.Log | Where-Object { $_.status -ne 200 -and -not ($_.path -eq '/v1/balances' -and $_.status -eq 404) })
        if ($bad) { $wrong.Add("$name had unexpected answers: $(($bad | ForEach-Object { "$($_.status) $($_.path)" }) -join ', ')") }
    }
}
function Read-Check([string] $Name) {
    $count, $total = $checks[$Name].Output.Split(' ')
    [pscustomobject]@{ Count = [int] $count; Total = [decimal]::Parse($total, $invariant) }
}
foreach ($pair in @(@('s1', 's1-naive'), @('s1b', 's1-naive'), @('s2', 's2-naive'), @('s3', 's3-naive'))) {
    $module = Read-Check $pair[0]
    $naive = Read-Check $pair[1]
    $same = if ($pair[1] -eq 's1-naive') {
        $module.Count -eq $KeyCount -and $naive.Count -eq $CheckKeyCount -and $module.Total / $module.Count -eq $naive.Total / $naive.Count
    }
    else {
        $module.Count -eq $naive.Count -and [Math]::Abs($module.Total - $naive.Total) -lt 0.000001
    }
    if (-not $same) { $wrong.Add("$($pair[0]) answered $($module.Count) objects, USD $($module.Total); $($pair[1]) answered $($naive.Count), USD $($naive.Total)") }
}

# ---- Numbers.
function Get-Measured([string] $Name) { , @($results[$Name]) }
function Get-WallMedian([string] $Name) { Get-Median ((Get-Measured $Name) | ForEach-Object WallMs) }
function Format-Runs([string] $Name) { ((Get-Measured $Name) | ForEach-Object { '{0:0}' -f $_.WallMs }) -join ' ' }

$bareMs = Get-WallMedian 'bare'
$importMs = (Get-WallMedian 'import') - $bareMs
$rows = foreach ($command in $commands | Where-Object Name -In 's1', 's1b', 's2', 's3') {
    $name = $command.Name
    $measured = Get-Measured $name
    $requests = $measured[0].Requests
    # The probe travels alone (the other keys wait for its answer), then the rest in waves of ThrottleLimit.
    $roundTrips = $command.Probes + [Math]::Max(1, [Math]::Ceiling(($requests - $command.Probes) / $command.Throttle))
    $ideal = $bareMs + $roundTrips * $LatencyMs
    $wall = Get-WallMedian $name
    $naive = if ($results.ContainsKey("$name-naive") -and $results["$name-naive"].Count) { Get-WallMedian "$name-naive" } else { [double]::NaN }
    # Where the time goes, from the parent's clock and the server's log (same machine, UTC): launch -> first request
    # at the server, first request -> last answer, last answer -> exit.
    $split = foreach ($run in $measured) {
        $first = ($run.Log | ForEach-Object { ([DateTime] $_.startedAt).ToUniversalTime() } | Measure-Object -Minimum).Minimum
        $last = ($run.Log | ForEach-Object { ([DateTime] $_.finishedAt).ToUniversalTime() } | Measure-Object -Maximum).Maximum
        [pscustomobject]@{ Before = ($first - $run.LaunchedAt).TotalMilliseconds; Wire = ($last - $first).TotalMilliseconds; After = ($run.ExitedAt - $last).TotalMilliseconds }
    }
    [pscustomobject]@{
        Name = $name; Title = $command.Title; Requests = $requests; Throttle = $command.Throttle; Probes = $command.Probes
        RoundTrips = $roundTrips; IdealMs = $ideal; ModuleMs = $wall; NaiveMs = $naive; IdealRatio = $wall / $ideal; Speedup = $naive / $wall
        BeforeMs = Get-Median ($split | ForEach-Object Before); WireMs = Get-Median ($split | ForEach-Object Wire); AfterMs = Get-Median ($split | ForEach-Object After)
        PeakMB = ($measured | ForEach-Object PeakMB | Measure-Object -Maximum).Maximum
    }
}

Write-Host ''
Write-Host ('Bare pwsh -NoProfile start-up: {0:0} ms (runs {1}), peak working set {2:0} MB' -f $bareMs, (Format-Runs 'bare'), ((Get-Measured 'bare') | ForEach-Object PeakMB | Measure-Object -Maximum).Maximum)
Write-Host ('Import-Module adds {0:0} ms (import-only shell: runs {1})' -f $importMs, (Format-Runs 'import'))
$rows | Format-Table -AutoSize -Property @(
    @{ Name = 'Scenario'; Expression = { $_.Title } }
    @{ Name = 'Requests'; Expression = { $_.Requests }; Align = 'Right' }
    @{ Name = 'Ideal RT'; Expression = { '{0:0.##}' -f $_.RoundTrips }; Align = 'Right' }
    @{ Name = 'Ideal ms'; Expression = { '{0:0}' -f $_.IdealMs }; Align = 'Right' }
    @{ Name = 'Module ms'; Expression = { '{0:0}' -f $_.ModuleMs }; Align = 'Right' }
    @{ Name = 'Naive ms'; Expression = { if ([double]::IsNaN($_.NaiveMs)) { '-' } else { '{0:0}' -f $_.NaiveMs } }; Align = 'Right' }
    @{ Name = 'Module/ideal'; Expression = { '{0:0.00}' -f $_.IdealRatio }; Align = 'Right' }
    @{ Name = 'Naive/module'; Expression = { if ([double]::IsNaN($_.Speedup)) { '-' } else { '{0:0.0}x' -f $_.Speedup } }; Align = 'Right' }
    @{ Name = 'Peak MB'; Expression = { '{0:0}' -f $_.PeakMB }; Align = 'Right' }
    @{ Name = '(Module-import)/ideal'; Expression = { '{0:0.00}' -f (($_.ModuleMs - $importMs) / $_.IdealMs) }; Align = 'Right' }
) | Out-String -Width 200 | ForEach-Object TrimEnd | Write-Host
Write-Host 'Module/ideal is the target (the module shell includes its import; the ideal does not); (Module-import)/ideal is for information.'
Write-Host 'Ideal RT = probes + ceiling((requests - probes) / ThrottleLimit): the /v1/balances probe travels alone, the other keys wait for it; requests counted in the server log of each run:'
foreach ($row in $rows) {
    $naiveText = if ($results.ContainsKey("$($row.Name)-naive")) { "; naive runs $(Format-Runs "$($row.Name)-naive") ms" } else { '' }
    Write-Host ('  {0,-3} {1} + ceiling({2} / {3}) = {4}; module runs {5} ms{6}' -f $row.Name, $row.Probes, ($row.Requests - $row.Probes), $row.Throttle, $row.RoundTrips, (Format-Runs $row.Name), $naiveText)
}
Write-Host 'Where the module time goes (medians, parent clock vs server log): launch -> first request | first request -> last answer | last answer -> exit'
foreach ($row in $rows) {
    Write-Host ('  {0,-3} {1,5:0} ms | {2,5:0} ms = {3:0.00} round trips | {4,4:0} ms' -f $row.Name, $row.BeforeMs, $row.WireMs, ($row.WireMs / [Math]::Max(1, $LatencyMs)), $row.AfterMs)
}

$targets = New-TargetList
$s1 = $rows | Where-Object Name -EQ 's1'
if ($NaiveRuns -gt 0) { Add-Target $targets '1: naive script / module' $s1.Speedup $MinimumSpeedup '{0:0.0}x' -AtLeast }
foreach ($row in $rows | Where-Object Name -In 's1', 's2', 's3') { Add-Target $targets "$($row.Name.Substring(1)): module / ideal" $row.IdealRatio $MaximumIdealRatio '{0:0.00}' }
Add-Target $targets '4: Import-Module added to bare start-up' $importMs $MaximumImportMs '{0:0} ms'
Add-Target $targets '4: peak working set of scenario 1' $s1.PeakMB $MaximumPeakMB '{0:0} MB'
$targets | Format-Table -AutoSize Verdict, Target, Measured, Limit | Out-String -Width 200 | ForEach-Object TrimEnd | Write-Host

if (Test-Path /proc/loadavg) { Write-Host "Load average at the end: $((Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ')" }
foreach ($problem in $wrong) { Write-Host "WRONG: $problem" }
$missed = @($targets | Where-Object Verdict -EQ 'FAIL')
if ($wrong.Count) { Write-Host 'Bench: some runs answered wrongly.'; exit 2 }
if ($missed) { Write-Host "Bench: $($missed.Count) of $($targets.Count) targets missed: $(($missed | ForEach-Object Target) -join '; ')."; exit 1 }
Write-Host "Bench: all $($targets.Count) targets met."
exit 0
