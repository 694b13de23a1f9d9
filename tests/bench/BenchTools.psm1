# Shared by the benchmarks (Invoke-Benchmark.ps1 over plain http, Invoke-HttpsBenchmark.ps1 over HTTPS): child shells
# timed from the outside, medians, the latency proxy, and the verdict table.
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../pester/TestHelpers.psm1')   # Start-FakeServerProcess

function Format-Quoted([string] $Text) { "'" + $Text.Replace("'", "''") + "'" }

function Get-Median([double[]] $Values) {
    # NaN (a value a run could not measure) is left out.
    $sorted = [double[]] @($Values | Where-Object { -not [double]::IsNaN($_) } | Sort-Object)
    $n = $sorted.Count
    if ($n -eq 0) { return [double]::NaN }
    if ($n % 2) { return $sorted[($n - 1) / 2] }
    return ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2
}

function Get-LoadAverage {
    if (Test-Path /proc/loadavg) { return (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' }
    return 'n/a'
}

function Invoke-Child {
    <#
    .SYNOPSIS
        One child shell (dotnet <PSHOME>/pwsh.dll -NoProfile -NonInteractive -c <script>): its wall time, peak working
        set (VmHWM, polled every 10 ms), output, and the UTC instants around it. -Environment adds variables for this
        child only (SSL_CERT_FILE, so that nothing touches the machine's trust store).
    #>
    param(
        [Parameter(Mandatory)][string[]] $Pwsh,
        [Parameter(Mandatory)][string] $Script,
        [hashtable] $Environment = @{},
        [int] $TimeoutSec = 120
    )
    $start = [Diagnostics.ProcessStartInfo]::new($Pwsh[0])
    foreach ($argument in @($Pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-c', $Script)) { $start.ArgumentList.Add($argument) }
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $start.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $launchedAt = [DateTime]::UtcNow
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($start)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    $peak = 0L
    while (-not $process.WaitForExit(10)) {
        try { $process.Refresh(); $peak = [Math]::Max($peak, $process.PeakWorkingSet64) } catch { $null = $_ }   # it may exit in between
        if ($watch.Elapsed.TotalSeconds -gt $TimeoutSec) { $process.Kill(); throw "A child shell ran over $TimeoutSec s: $Script" }
    }
    $watch.Stop()
    $exitedAt = [DateTime]::UtcNow
    $process.WaitForExit()
    [pscustomobject]@{
        WallMs     = $watch.Elapsed.TotalMilliseconds
        PeakMB     = $peak / 1MB
        ExitCode   = $process.ExitCode
        Output     = $stdout.GetAwaiter().GetResult().Trim()
        Error      = $stderr.GetAwaiter().GetResult().Trim()
        LaunchedAt = $launchedAt
        ExitedAt   = $exitedAt
    }
}

function Start-LatencyProxy {
    <#
    .SYNOPSIS
        Starts the fake server's latency proxy on 127.0.0.1: one listener per -Target port, each adding -RttMs of
        round trip (RTT/2 per chunk each way, in order; a connection's first bytes one RTT more). Returns the
        listening ports (in -Target order), the log file and the process.
    #>
    param([Parameter(Mandatory)][int] $RttMs, [Parameter(Mandatory)][int[]] $Target, [string] $Configuration = 'Release')
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $dll = Join-Path $root "tests/OpenAIBilling.FakeServer/bin/$Configuration/net10.0/OpenAIBilling.FakeServer.dll"
    $base = Join-Path ([IO.Path]::GetTempPath()) ('latency-proxy-' + [guid]::NewGuid().ToString('N'))
    $ready = "$base.json"
    $log = "$base.log"
    $arguments = @('latency-proxy', '--rtt-ms', "$RttMs", '--ready-file', $ready, '--log-file', $log, '--exit-on-stdin-close')
    foreach ($port in $Target) { $arguments += @('--target', "$port") }
    $process, $started = Start-FakeServerProcess -Dll $dll -Arguments $arguments -ReadyFile $ready -What 'The latency proxy'
    $ports = @($started.ports)
    [pscustomobject]@{ Ports = $ports; LogFile = $log; Process = $process; RttMs = $RttMs }
}

function Stop-LatencyProxy {
    param([Parameter(Mandatory)] $Proxy)
    if (-not $Proxy.Process.HasExited) {
        $Proxy.Process.StandardInput.Close()
        if (-not $Proxy.Process.WaitForExit(5000)) { $Proxy.Process.Kill() }
    }
    Remove-Item -LiteralPath $Proxy.LogFile -ErrorAction SilentlyContinue
}

function Read-LatencyProxyLog {
    # The proxy's connection entries written after byte -From of its log (an entry is written when its connection closes).
    param([Parameter(Mandatory)] $Proxy, [long] $From = 0)
    if (-not (Test-Path $Proxy.LogFile)) { return }
    $stream = [IO.FileStream]::new($Proxy.LogFile, 'Open', 'Read', 'ReadWrite')
    try {
        $null = $stream.Seek($From, 'Begin')
        $text = [IO.StreamReader]::new($stream).ReadToEnd()
    }
    finally { $stream.Dispose() }
    foreach ($line in $text -split "`n") { if ($line.Trim()) { $line | ConvertFrom-Json } }
}

function Get-LatencyProxyLogLength([Parameter(Mandatory)] $Proxy) {
    if (Test-Path $Proxy.LogFile) { return (Get-Item $Proxy.LogFile).Length }
    return 0L
}

function New-TargetList { , [Collections.Generic.List[object]]::new() }

function Add-Target {
    # A target for the verdict table: PASS when $Value is at most (or with -AtLeast at least) $Limit.
    param([Parameter(Mandatory)] $Targets, [string] $Label, [double] $Value, [double] $Limit, [string] $Format, [switch] $AtLeast)
    $pass = if ($AtLeast) { $Value -ge $Limit } else { $Value -le $Limit }
    $Targets.Add([pscustomobject]@{
            Verdict  = $(if ($pass) { 'PASS' } else { 'FAIL' })
            Target   = $Label
            Measured = $Format -f $Value
            Limit    = $(if ($AtLeast) { 'at least ' } else { 'at most ' }) + ($Format -f $Limit)
        })
}

Export-ModuleMember -Function Format-Quoted, Get-Median, Get-LoadAverage, Invoke-Child, Start-LatencyProxy, Stop-LatencyProxy, Read-LatencyProxyLog, Get-LatencyProxyLogLength, New-TargetList, Add-Target
