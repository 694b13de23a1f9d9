# The second half of Invoke-HttpsBenchmark.ps1 (dot-sourced by it): checks every run's requests and answers, prints
# the numbers, the timelines and the verdict, and exits (0 all met, 1 a target missed, 2 a run answered wrongly).
# Uses $sections, $wrong, $targets and the settings of Invoke-HttpsBenchmark.ps1.

function Read-Check($Checks, [string] $Name) {
    $count, $total = $Checks[$Name].Output.Split(' ')
    [pscustomobject]@{ Count = [int] $count; Total = [decimal]::Parse($total, $invariant) }
}

function Get-WallMedian($Runs) { Get-Median ($Runs | ForEach-Object WallMs) }
function Format-Runs($Runs) { ($Runs | ForEach-Object { '{0:0}' -f $_.WallMs }) -join ' ' }

foreach ($section in $sections) {
    $rtt = $section.Rtt
    $results = $section.Results
    $checks = $section.Checks

    # ---- Checks: the right number of requests, every answer as expected, the module agreeing with the naive scripts.
    foreach ($command in $section.Commands | Where-Object Expected) {
        foreach ($run in @($checks[$command.Name]) + @($results[$command.Name])) {
            $expected = if ($run -eq $checks[$command.Name] -and $command.Name -in 'h1-naive', 'h4-naive') { 2 * $CheckKeyCount } else { $command.Expected }
            if ($run.Requests -ne $expected) { $wrong.Add("RTT $rtt $($command.Name) made $($run.Requests) requests, expected $expected") }
            $bad = @($run.Log | Where-Object { $_.status -ne 200 -and -not ($_.path -eq '/v1/balances' -and $_.status -eq 404) })
            if ($bad) { $wrong.Add("RTT $rtt $($command.Name) had unexpected answers: $(($bad | Select-Object -First 5 | ForEach-Object { "$($_.status) $($_.path)" }) -join ', ')") }
        }
    }
    $naivePerKey = Read-Check $checks 'h1-naive'
    foreach ($name in 'h1', 'h1d', 'h4', 'm') {
        if (-not $checks.ContainsKey($name)) { continue }
        $module = Read-Check $checks $name
        $keysWanted = if ($name -eq 'm') { $ManyKeyCount } else { $KeyCount }
        if ($module.Count -ne $keysWanted -or $naivePerKey.Count -ne $CheckKeyCount -or $module.Total / $module.Count -ne $naivePerKey.Total / $naivePerKey.Count) {
            $wrong.Add("RTT $rtt $name answered $($module.Count) objects, USD $($module.Total); h1-naive answered $($naivePerKey.Count), USD $($naivePerKey.Total)")
        }
    }
    foreach ($name in 's2', 's3') {
        $module = Read-Check $checks $name
        $naive = Read-Check $checks "$name-naive"
        if ($module.Count -ne $naive.Count -or [Math]::Abs($module.Total - $naive.Total) -ge 0.000001) {
            $wrong.Add("RTT $rtt $name answered $($module.Count) objects, USD $($module.Total); the naive script $($naive.Count), USD $($naive.Total)")
        }
    }

    # ---- Numbers.
    $bareMs = Get-WallMedian $results['bare']
    $importMs = (Get-WallMedian $results['import']) - $bareMs
    $rows = foreach ($command in $section.Commands | Where-Object { $_.Expected -and -not $_.Naive }) {
        $measured = @($results[$command.Name])
        $requests = $measured[0].Requests
        $probeTrips = [int] ($command.Probes -gt 0)
        $waves = [Math]::Ceiling(($requests - $command.Probes) / $command.InFlight)
        $limitTrips = 2 + $probeTrips + $waves
        $limitMs = $bareMs + $limitTrips * $rtt
        $wall = Get-WallMedian $measured
        $naiveMeasured = if ($results.ContainsKey("$($command.Name)-naive")) { @($results["$($command.Name)-naive"]) } else { @() }
        $naive = if ($naiveMeasured) { Get-WallMedian $naiveMeasured } else { [double]::NaN }
        $timelines = @($measured | ForEach-Object { Measure-Timeline $_ })
        [pscustomobject]@{
            Name = $command.Name; Title = $command.Title; Requests = $requests; Probes = $command.Probes; InFlight = $command.InFlight
            Waves = $waves; LimitTrips = $limitTrips; LimitMs = $limitMs; ModuleMs = $wall; NaiveMs = $naive
            Ratio = $wall / $limitMs; Speedup = $naive / $wall
            Connections = [int] ($measured | ForEach-Object Connections | Measure-Object -Maximum).Maximum
            Handshakes = [int] ($measured | ForEach-Object Handshakes | Measure-Object -Maximum).Maximum
            NaiveHandshakes = if ($naiveMeasured) { [int] ($naiveMeasured | ForEach-Object Handshakes | Measure-Object -Maximum).Maximum } else { $null }
            Protocols = ($measured | ForEach-Object Protocols | Sort-Object -Unique) -join ' '
            PeakMB = ($measured | ForEach-Object PeakMB | Measure-Object -Maximum).Maximum
            CpuPerRequestMs = Get-Median ($measured | ForEach-Object { $_.CpuMs / $_.Requests })
            ToConnect = Get-Median ($timelines | ForEach-Object ToConnect); ToRequest = Get-Median ($timelines | ForEach-Object ToRequest)
            Wire = Get-Median ($timelines | ForEach-Object Wire); ToExit = Get-Median ($timelines | ForEach-Object ToExit)
            Hello = Get-Median ($timelines | ForEach-Object Hello); Flight = Get-Median ($timelines | ForEach-Object Flight)
            Finished = Get-Median ($timelines | ForEach-Object Finished); FirstHttp = Get-Median ($timelines | ForEach-Object FirstHttp)
            RunsText = Format-Runs $measured; NaiveRunsText = if ($naiveMeasured) { Format-Runs $naiveMeasured } else { '' }
        }
    }

    Write-Host ''
    Write-Host ("=== HTTPS, RTT {0} ms ===" -f $rtt)
    Write-Host ('Bare pwsh -NoProfile start-up: {0:0} ms (runs {1}); Import-Module adds {2:0} ms (import-only runs {3})' -f $bareMs, (Format-Runs $results['bare']), $importMs, (Format-Runs $results['import']))
    $rows | Format-Table -AutoSize -Property @(
        @{ Name = 'Scenario'; Expression = { $_.Title } }
        @{ Name = 'Requests'; Expression = { $_.Requests }; Align = 'Right' }
        @{ Name = 'Limit RT'; Expression = { $_.LimitTrips }; Align = 'Right' }
        @{ Name = 'Limit ms'; Expression = { '{0:0}' -f $_.LimitMs }; Align = 'Right' }
        @{ Name = 'Module ms'; Expression = { '{0:0}' -f $_.ModuleMs }; Align = 'Right' }
        @{ Name = 'Naive ms'; Expression = { if ([double]::IsNaN($_.NaiveMs)) { '-' } else { '{0:0}' -f $_.NaiveMs } }; Align = 'Right' }
        @{ Name = 'Module/limit'; Expression = { '{0:0.00}' -f $_.Ratio }; Align = 'Right' }
        @{ Name = 'Naive/module'; Expression = { if ([double]::IsNaN($_.Speedup)) { '-' } else { '{0:0.0}x' -f $_.Speedup } }; Align = 'Right' }
        @{ Name = 'Conns/TLS'; Expression = { "$($_.Connections)/$($_.Handshakes)" }; Align = 'Right' }
        @{ Name = 'Naive TLS'; Expression = { if ($null -eq $_.NaiveHandshakes) { '-' } else { $_.NaiveHandshakes } }; Align = 'Right' }
        @{ Name = 'Protocol'; Expression = { $_.Protocols } }
        @{ Name = 'Peak MB'; Expression = { '{0:0}' -f $_.PeakMB }; Align = 'Right' }
    ) | Out-String -Width 220 | ForEach-Object TrimEnd | Write-Host
    Write-Host 'Limit RT = 1 connect + 1 TLS + 1 if probes + ceiling((requests - probes) / in flight); Conns/TLS = most connections / handshakes the server accepted in one module run:'
    foreach ($row in $rows) {
        $naiveText = if ($row.NaiveRunsText) { "; naive runs $($row.NaiveRunsText) ms" } else { '' }
        Write-Host ('  {0,-3} 2 + {1} + ceiling(({2} - {3}) / {4}) = {5}; module runs {6} ms{7}' -f $row.Name, [int] ($row.Probes -gt 0), $row.Requests, $row.Probes, $row.InFlight, $row.LimitTrips, $row.RunsText, $naiveText)
    }
    Write-Host 'Where the module time goes (medians; parent clock, proxy log, server log): launch -> first connect | -> first request at the server (connect, TLS, the request: 2.5 RT) | -> last answer | -> exit'
    foreach ($row in $rows) {
        $wireLimit = $row.Probes -gt 0 ? $row.Waves : $row.Waves - 1
        Write-Host ('  {0,-3} {1,5:0} ms | {2,5:0} ms = {3:0.00} RT (limit 2.5) | {4,5:0} ms = {5:0.00} RT (limit {6}) | {7,4:0} ms{8}' -f $row.Name, $row.ToConnect, $row.ToRequest, ($row.ToRequest / $rtt), $row.Wire, ($row.Wire / $rtt), $wireLimit, $row.ToExit,
            $(if ($row.Name -eq 'm') { '; CPU {0:0.00} ms per request' -f $row.CpuPerRequestMs } else { '' }))
    }

    Write-Host ('The first connection at the proxy (medians, ms after the connect): ClientHello read | server flight read | client Finished read | first HTTP bytes read; ideal 0 | 1.5 RT = {0} | 2 RT = {1} | 2 RT' -f (1.5 * $rtt), (2 * $rtt))
    foreach ($row in $rows) {
        Write-Host ('  {0,-3} {1,5:0} | {2,5:0} | {3,5:0} | {4,5:0}   (the client spent {5:0} ms between its Finished and its first request)' -f $row.Name, $row.Hello, $row.Flight, $row.Finished, $row.FirstHttp, ($row.FirstHttp - $row.Finished))
    }

    # ---- Targets.
    Add-Target $targets "RTT $rtt`: Import-Module added to bare start-up" $importMs $MaximumImportMs '{0:0} ms'
    foreach ($row in $rows) {
        $limit = if ($row.Name -eq 'h1' -and $rtt -eq 100) { $MaximumFirstRatio } else { $MaximumRatio }
        Add-Target $targets "RTT $rtt`: $($row.Name) module / limit" $row.Ratio $limit '{0:0.00}'
        if ($row.Name -eq 'h1' -and $rtt -eq 100 -and -not [double]::IsNaN($row.Speedup)) { Add-Target $targets "RTT $rtt`: h1 naive script / module" $row.Speedup $MinimumSpeedup '{0:0.0}x' -AtLeast }
        if ($row.Name -eq 'm') { Add-Target $targets "RTT $rtt`: m peak working set" $row.PeakMB $MaximumManyKeysPeakMB '{0:0} MB' }
    }
}

Write-Host ''
$targets | Format-Table -AutoSize Verdict, Target, Measured, Limit | Out-String -Width 200 | ForEach-Object TrimEnd | Write-Host
Write-Host "Load average at the end: $(Get-LoadAverage)"
foreach ($problem in $wrong) { Write-Host "WRONG: $problem" }
$missed = @($targets | Where-Object Verdict -EQ 'FAIL')
if ($wrong.Count) { Write-Host 'HTTPS bench: some runs answered wrongly.'; exit 2 }
if ($missed) { Write-Host "HTTPS bench: $($missed.Count) of $($targets.Count) targets missed: $(($missed | ForEach-Object Target) -join '; ')."; exit 1 }
Write-Host "HTTPS bench: all $($targets.Count) targets met."
exit 0
