<#
.SYNOPSIS
    OpenAIBilling over real HTTPS with real round trips: the fake server serving HTTPS (HTTP/1.1 and HTTP/2 by ALPN)
    behind the latency proxy, at each -RttMs (tests/bench/RESULTS.md has the runs).
.DESCRIPTION
    The fake server makes its certificate at start-up; the child shells trust its authority through SSL_CERT_FILE, set
    for them only (never the machine's store). The latency proxy (the fake server's latency-proxy mode) listens on
    127.0.0.1 in front of the openai host and four times in front of the relay (four hosts to the client), delays
    every chunk by RTT/2 each way in order and a connection's first bytes by one RTT more (the TCP connect), so a
    connect costs one round trip, TLS 1.3 another, and every request one.

      bare    a shell that does nothing: the start-up part of every limit
      import  a shell that only imports the module
      h1      Get-Content keys.txt | Get-OpenAIBalance -ThrottleLimit 32, 64 relay keys on one host  vs  Naive-Balance.ps1
      h1d     the same without -ThrottleLimit (the module's default)
      h4      Import-Csv | Get-OpenAIBalance -ThrottleLimit 32, the 64 keys over four hosts     vs  Naive-Balance.ps1
      s2      Get-OpenAIUsage, one session key, 365 days (4 legacy windows)                       vs  Naive-Usage.ps1
      s3      Get-OpenAIUsage, one Admin key, 365 days -GroupBy LineItem, Project                 vs  Naive-Usage.ps1
      m       5,000 relay keys, -ThrottleLimit 64, at -ManyKeysRttMs only: wall, CPU per request, peak memory

    Physical limit = bare start-up + RTT x (1 connect + 1 TLS + 1 if there are probes + ceiling((requests - probes) /
    in flight)). Probes are the hosts' /v1/balances probes: they travel alone, at once across hosts, and the other
    keys wait for them. In flight is -ThrottleLimit, or for h1d the default's 64 (the host speaks HTTP/2); s2 and s3
    need one wave. Requests, connections and TLS handshakes are counted by the server for every run.

    Round 0 is the warm-up and the check (every command prints its object count and money total; the module must
    agree with the naive scripts). Then -Runs interleaved rounds; the naive 64-key scripts (a connection and a
    handshake per request: ~40 s at RTT 100 ms) run -NaiveRuns times. Medians count. Where the time goes comes from
    the parent's clock, the proxy's log (when each connection was made) and the server's log (when each request
    arrived and was answered).

    Targets: at RTT 100 ms, h1 within 1.2x its limit and at least 30x faster than the naive script; every other
    scenario within 1.3x; Import-Module adds at most 150 ms; m within 1.3x with a peak working set under 300 MB.
    Exits 1 when a target is missed, 2 when a run fails or answers wrongly. Only 127.0.0.1 is contacted.
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Bench
.EXAMPLE
    dotnet pwsh ./tests/bench/Invoke-HttpsBenchmark.ps1 -RttMs 100 -Runs 1 -NaiveRuns 0 -ManyKeyCount 0
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 2000)][int[]] $RttMs = @(100, 30),
    [ValidateRange(1, 20)][int] $Runs = 3,
    [ValidateRange(0, 20)][int] $NaiveRuns = 1,
    [ValidateRange(4, 1000)][int] $KeyCount = 64,
    [ValidateRange(1, 64)][int] $ThrottleLimit = 32,
    [ValidateRange(0, 100000)][int] $ManyKeyCount = 5000,
    [ValidateRange(1, 2000)][int] $ManyKeysRttMs = 30,
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

# Targets (the HTTPS targets of tests/bench/RESULTS.md).
$MinimumSpeedup = 30.0
$MaximumFirstRatio = 1.2        # h1 at RTT 100 ms
$MaximumRatio = 1.3
$MaximumImportMs = 150
$MaximumManyKeysPeakMB = 300
$DefaultInFlight = 64           # without -ThrottleLimit, once the host has answered over HTTP/2
$ManyKeysThrottleLimit = 64
$HostCount = 4
$CheckKeyCount = 4
$ChildTimeoutSec = 300

$pwsh = @(Get-PwshCommand)
$work = Join-Path ([IO.Path]::GetTempPath()) ('openaibilling-httpsbench-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory $work
$invariant = [Globalization.CultureInfo]::InvariantCulture
$cpuLine = '; [Console]::Out.WriteLine("cpu " + [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture))'

function New-Command {
    # A command to time ($null = <Expression>) and to check (<Expression>, then "count total" of <Property>).
    param([string] $Name, [string] $Title, [string] $Prefix, [string] $Expression, [string] $Property, [int] $Probes = 0, [int] $InFlight = 1,
        [string] $CheckExpression, [int] $Expected = 0, [switch] $Cpu, [switch] $Naive)
    $prefixText = if ($Prefix) { "$Prefix; " } else { '' }
    if (-not $CheckExpression) { $CheckExpression = $Expression }
    $check = if ($Property) {
        $prefixText + "`$r = @($CheckExpression); " + '$t = [decimal] 0; foreach ($x in $r) { $t += $x.' + $Property + ' }; [Console]::Out.WriteLine("$($r.Count) $t")'
    }
    $timed = if ($Expression) { $prefixText + "`$null = $Expression" } else { $Prefix }
    if ($Cpu) { $timed += $cpuLine }
    [pscustomobject]@{ Name = $Name; Title = $Title; Probes = $Probes; InFlight = $InFlight; Timed = $timed; Check = $check; Expected = $Expected; Naive = [bool] $Naive }
}

function Get-Instant($Value) { ([DateTime] $Value).ToUniversalTime() }   # ConvertFrom-Json already made the ISO text a DateTime

function Invoke-Measured {
    # One run of one command: the child's numbers plus the server's log and counts and the proxy's connections.
    param($Command, [string] $Script, $Server, $Proxy, [hashtable] $Environment)
    Clear-FakeServerLog $Server
    Clear-FakeServerConnections $Server
    $from = Get-LatencyProxyLogLength $Proxy
    $run = Invoke-Child -Pwsh $pwsh -Script $Script -Environment $Environment -TimeoutSec $ChildTimeoutSec
    if ($run.ExitCode -ne 0 -or $run.Error) { throw "$($Command.Name) failed (exit code $($run.ExitCode)): $($run.Error)" }
    $counts = Get-FakeServerConnections $Server
    # The proxy writes a connection's entry when it closes, about one round trip after the child exits.
    $deadline = [DateTime]::UtcNow.AddSeconds(10)
    do {
        $proxied = @(Read-LatencyProxyLog $Proxy -From $from)
        if ($proxied.Count -ge $counts.connections) { break }
        Start-Sleep -Milliseconds 50
    } while ([DateTime]::UtcNow -lt $deadline)
    $log = @(Get-FakeServerLog $Server)
    $cpuMs = if ($run.Output -match 'cpu ([0-9.]+)') { [double]::Parse($Matches[1], $invariant) } else { [double]::NaN }
    $run | Add-Member -NotePropertyMembers @{
        Requests = $log.Count; Log = $log; Connections = [int] $counts.connections; Handshakes = [int] $counts.tlsHandshakes
        Proxied = $proxied; CpuMs = $cpuMs; Protocols = (@($log | ForEach-Object protocol | Sort-Object -Unique) -join ',')
    }
    $run
}

function Measure-Timeline {
    # Where one run's time went: launch -> first connect (proxy) -> first request at the server -> last answer -> exit.
    param($Run)
    # Only this run's connections: an entry the proxy wrote late for the run before may be in this run's part of its log.
    $own = @($Run.Proxied | Where-Object { (Get-Instant $_.acceptedAt) -ge $Run.LaunchedAt })
    $connects = @($own | ForEach-Object { Get-Instant $_.acceptedAt })
    $firstConnect = if ($connects) { ($connects | Measure-Object -Minimum).Minimum } else { $null }
    # The first connection's first chunks at the proxy: ClientHello up, the server's flight down, the client's
    # Finished up, then the client's first HTTP bytes up (after it has checked the certificate).
    $opening = $own | Sort-Object { Get-Instant $_.acceptedAt } | Select-Object -First 1
    # (A run whose connection the proxy had not logged yet has no such entry: NaN, left out of the medians.)
    function Get-ChunkMs([string] $Direction, [int] $Index) {
        if ($null -eq $opening) { return [double]::NaN }
        $chunks = @($opening.$Direction)
        if ($chunks.Count -le $Index) { return [double]::NaN }
        ((Get-Instant $chunks[$Index].readAt) - $firstConnect).TotalMilliseconds
    }
    $first = ($Run.Log | ForEach-Object { Get-Instant $_.startedAt } | Measure-Object -Minimum).Minimum
    $last = ($Run.Log | ForEach-Object { Get-Instant $_.finishedAt } | Measure-Object -Maximum).Maximum
    [pscustomobject]@{
        ToConnect = if ($firstConnect) { ($firstConnect - $Run.LaunchedAt).TotalMilliseconds } else { [double]::NaN }
        ToRequest = if ($firstConnect) { ($first - $firstConnect).TotalMilliseconds } else { [double]::NaN }
        Wire      = ($last - $first).TotalMilliseconds
        ToExit    = ($Run.ExitedAt - $last).TotalMilliseconds
        Hello     = Get-ChunkMs 'earlyUp' 0
        Flight    = Get-ChunkMs 'earlyDown' 0
        Finished  = Get-ChunkMs 'earlyUp' 1
        FirstHttp = Get-ChunkMs 'earlyUp' 2
    }
}

$server = $null
$proxy = $null
$sections = [Collections.Generic.List[object]]::new()
$wrong = [Collections.Generic.List[string]]::new()
$targets = New-TargetList
try {
    $server = Start-FakeBillingServer -Https
    $serverPort = @{ openai = ([uri] $server.OpenAI).Port; relay = ([uri] $server.Relay).Port }

    $keysPath = Join-Path $work 'keys.txt'
    $keyList = @(1..$KeyCount | ForEach-Object { New-TestKey -Prefix 'sk-' -Marker 'relayok' -Number $_ })
    $keyList | Set-Content -LiteralPath $keysPath
    $checkKeysPath = Join-Path $work 'check-keys.txt'
    $keyList | Select-Object -First $CheckKeyCount | Set-Content -LiteralPath $checkKeysPath
    $manyKeysPath = Join-Path $work 'many-keys.txt'
    if ($ManyKeyCount -gt 0) { 1..$ManyKeyCount | ForEach-Object { New-TestKey -Prefix 'sk-' -Marker 'relayok' -Number $_ } | Set-Content -LiteralPath $manyKeysPath }
    $sessionKey = Format-Quoted (New-TestKey -Prefix 'sess-' -Marker 'paid')
    $adminKey = Format-Quoted (New-TestKey -Prefix 'sk-admin-' -Marker 'org')
    $startDate = [DateTime]::UtcNow.Date.AddDays( - ($Days - 1)).ToString('yyyy-MM-dd', $invariant)
    $import = 'Import-Module ' + (Format-Quoted $manifest)
    $naiveBalance = '& ' + (Format-Quoted (Join-Path $PSScriptRoot 'Naive-Balance.ps1'))
    $naiveUsage = '& ' + (Format-Quoted (Join-Path $PSScriptRoot 'Naive-Usage.ps1'))
    $keys = Format-Quoted $keysPath
    $checkKeys = Format-Quoted $checkKeysPath
    $manyKeys = Format-Quoted $manyKeysPath

    Write-Host ("OpenAIBilling HTTPS benchmark: RTT {0} ms; median of {1} runs after a warm-up (naive 64-key scripts: {2} runs); load average {3}" -f ($RttMs -join ' and '), $Runs, $NaiveRuns, (Get-LoadAverage))
    foreach ($rtt in $RttMs) {
        $proxy = Start-LatencyProxy -RttMs $rtt -Target (@($serverPort.openai) + @(1..$HostCount | ForEach-Object { $serverPort.relay }))
        $openai = Format-Quoted "https://127.0.0.1:$($proxy.Ports[0])"
        $relays = @(1..$HostCount | ForEach-Object { "https://127.0.0.1:$($proxy.Ports[$_])" })
        $relay = Format-Quoted $relays[0]
        $relayList = ($relays | ForEach-Object { Format-Quoted $_ }) -join ','
        $csvPath = Join-Path $work "hosts-$rtt.csv"
        $i = 0
        $keyList | ForEach-Object { [pscustomobject]@{ ApiKey = $_; BaseUri = $relays[$i++ % $HostCount] } } | Export-Csv -LiteralPath $csvPath
        $csv = Format-Quoted $csvPath
        $environment = @{ SSL_CERT_FILE = $server.CaFile; OPENAIBILLING_OPENAI_HOSTS = "127.0.0.1:$($proxy.Ports[0])"; OPENAI_BASE_URL = $relays[0] }

        $commands = @(
            New-Command 'bare' 'bare pwsh -NoProfile' '$null'
            New-Command 'import' 'Import-Module only' $import
            New-Command 'h1' "64 keys, one host, -ThrottleLimit $ThrottleLimit" $import "Get-Content $keys | Get-OpenAIBalance -BaseUri $relay -ThrottleLimit $ThrottleLimit" 'AvailableUsd' -Probes 1 -InFlight $ThrottleLimit -Expected (1 + 2 * $KeyCount)
            New-Command 'h1d' '64 keys, one host, no -ThrottleLimit' $import "Get-Content $keys | Get-OpenAIBalance -BaseUri $relay" 'AvailableUsd' -Probes 1 -InFlight $DefaultInFlight -Expected (1 + 2 * $KeyCount)
            New-Command 'h4' "64 keys over $HostCount hosts, -ThrottleLimit $ThrottleLimit" $import "Import-Csv $csv | Get-OpenAIBalance -ThrottleLimit $ThrottleLimit" 'AvailableUsd' -Probes $HostCount -InFlight $ThrottleLimit -Expected ($HostCount + 2 * $KeyCount)
            New-Command 's2' "session key, $Days days of usage" $import "Get-OpenAIUsage -ApiKey $sessionKey -BaseUri $openai -StartDate $startDate" 'AmountUsd' -InFlight 8 -Expected ([Math]::Ceiling($Days / 100))
            New-Command 's3' "Admin key, $Days days of costs by item, project" $import "Get-OpenAIUsage -ApiKey $adminKey -BaseUri $openai -StartDate $startDate -GroupBy LineItem, Project" 'AmountUsd' -InFlight 8 -Expected ([Math]::Ceiling($Days / 180))
            if ($rtt -eq $ManyKeysRttMs -and $ManyKeyCount -gt 0) {
                New-Command 'm' "$ManyKeyCount keys, one host, -ThrottleLimit $ManyKeysThrottleLimit" $import "Get-Content $manyKeys | Get-OpenAIBalance -BaseUri $relay -ThrottleLimit $ManyKeysThrottleLimit" 'AvailableUsd' -Probes 1 -InFlight $ManyKeysThrottleLimit -Expected (1 + 2 * $ManyKeyCount) -Cpu
            }
            New-Command 's2-naive' '' '' "$naiveUsage -ApiKey $sessionKey -BaseUri $openai -Days $Days" 'AmountUsd' -Expected ([Math]::Ceiling($Days / 100)) -Naive
            New-Command 's3-naive' '' '' "$naiveUsage -ApiKey $adminKey -BaseUri $openai -Days $Days" 'AmountUsd' -Expected ([Math]::Ceiling($Days / 180)) -Naive
            New-Command 'h1-naive' '' '' "$naiveBalance -Path $keys -BaseUri $relay" 'AvailableUsd' -CheckExpression "$naiveBalance -Path $checkKeys -BaseUri $relay" -Expected (2 * $KeyCount) -Naive
            New-Command 'h4-naive' '' '' "$naiveBalance -Path $keys -BaseUri $relayList" 'AvailableUsd' -CheckExpression "$naiveBalance -Path $checkKeys -BaseUri $relayList" -Expected (2 * $KeyCount) -Naive
        )
        $results = @{}
        $checks = @{}
        foreach ($command in $commands) { $results[$command.Name] = [Collections.Generic.List[object]]::new() }
        for ($round = 0; $round -le $Runs; $round++) {
            foreach ($command in $commands) {
                $isCheck = $round -eq 0
                if ($command.Name -in 'h1-naive', 'h4-naive' -and $round -gt $NaiveRuns) { continue }
                $script = if ($isCheck -and $command.Check) { $command.Check } else { $command.Timed }
                $run = Invoke-Measured $command $script $server $proxy $environment
                if ($isCheck) { $checks[$command.Name] = $run } else { $results[$command.Name].Add($run) }
            }
            Write-Host ("  RTT {0} ms: round {1} of {2} done{3}" -f $rtt, $round, $Runs, $(if ($round -eq 0) { ' (warm-up and check)' }))
        }
        Stop-LatencyProxy $proxy
        $proxy = $null
        $sections.Add([pscustomobject]@{ Rtt = $rtt; Commands = $commands; Results = $results; Checks = $checks })
    }
}
finally {
    if ($proxy) { Stop-LatencyProxy $proxy }
    if ($server) { Stop-FakeBillingServer $server }
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

. (Join-Path $PSScriptRoot 'Write-HttpsBenchmarkReport.ps1')
