# Shared by the Pester suites, the demo and the benchmark: starts and stops the fake billing server
# (tests/OpenAIBilling.FakeServer) as a real process on loopback, and makes test keys.
Set-StrictMode -Version Latest

$script:RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Start-FakeBillingServer {
    <#
    .SYNOPSIS
        Starts the fake billing server on 127.0.0.1 and returns its base URIs (openai, relay, balances) and process.
    .DESCRIPTION
        The openai host is registered in OPENAIBILLING_OPENAI_HOSTS so that the module treats it as api.openai.com.
        OPENAI_BASE_URL is pointed at the relay host so that nothing can default to the real api.openai.com.
        -Https serves HTTPS (HTTP/1.1 and HTTP/2, or HTTP/1.1 only with -Http1Only) with a certificate made at start-up;
        CaFile is its authority in PEM, for a child process to trust through SSL_CERT_FILE.
    #>
    [CmdletBinding()]
    param(
        [int] $LatencyMs = 0,
        # build.ps1 sets OPENAIBILLING_TEST_CONFIGURATION to its -Configuration, so every task finds what it built.
        [string] $Configuration = $(if ($env:OPENAIBILLING_TEST_CONFIGURATION) { $env:OPENAIBILLING_TEST_CONFIGURATION } else { 'Release' }),
        [switch] $Https,
        [switch] $Http1Only
    )
    $dll = Join-Path $script:RepositoryRoot "tests/OpenAIBilling.FakeServer/bin/$Configuration/net10.0/OpenAIBilling.FakeServer.dll"
    if (-not (Test-Path $dll)) { throw "The fake server is not built ($dll); run ./build.ps1 -Task Build first." }
    $ready = Join-Path ([IO.Path]::GetTempPath()) ("fakebilling-" + [guid]::NewGuid().ToString('N') + '.json')
    $caFile = if ($Https) { [IO.Path]::ChangeExtension($ready, '.ca.pem') } else { $null }

    $arguments = @('--ready-file', $ready, '--exit-on-stdin-close', '--latency-ms', "$LatencyMs")
    if ($Https) { $arguments += @('--https', $caFile) }
    if ($Http1Only) { $arguments += '--http1-only' }
    $process, $urls = Start-FakeServerProcess -Dll $dll -Arguments $arguments -ReadyFile $ready -What 'The fake server'

    $env:OPENAIBILLING_OPENAI_HOSTS = ([uri] $urls.openai).Authority
    $env:OPENAI_BASE_URL = $urls.relay
    [pscustomobject]@{
        OpenAI   = $urls.openai
        Relay    = $urls.relay
        Balances = $urls.balances
        Process  = $process
        CaFile   = $caFile
    }
}

function Start-FakeServerProcess {
    <#
    .SYNOPSIS
        Runs the fake server's -Dll with -Arguments (which name -ReadyFile), waits up to 60 s for the ready file and
        returns the process and the file's JSON; -What names the process in errors. The fake server and the
        benchmark's latency proxy (the same dll) start this way.
    #>
    param([Parameter(Mandatory)][string] $Dll, [Parameter(Mandatory)][string[]] $Arguments, [Parameter(Mandatory)][string] $ReadyFile, [string] $What = 'The fake server')
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($Dll) + $Arguments) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($start)
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Test-Path $ReadyFile)) {
        if ($process.HasExited) { throw "$What exited at start with code $($process.ExitCode)." }
        if ([DateTime]::UtcNow -gt $deadline) { $process.Kill(); throw "$What did not start within 60 s." }
        Start-Sleep -Milliseconds 50
    }
    $ready = Get-Content -Raw $ReadyFile | ConvertFrom-Json
    Remove-Item $ReadyFile -ErrorAction SilentlyContinue
    return $process, $ready
}

function Stop-FakeBillingServer {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Server)
    process {
        if (-not $Server.Process.HasExited) {
            $Server.Process.StandardInput.Close()
            if (-not $Server.Process.WaitForExit(5000)) { $Server.Process.Kill() }
        }
        if ($Server.CaFile) { Remove-Item -LiteralPath $Server.CaFile -ErrorAction SilentlyContinue }
        Remove-Item Env:OPENAIBILLING_OPENAI_HOSTS -ErrorAction SilentlyContinue
        Remove-Item Env:OPENAI_BASE_URL -ErrorAction SilentlyContinue
    }
}

function Get-FakeServerLog {
    # The fake server's request log (shared by its three hosts), oldest first.
    param([Parameter(Mandatory)] $Server)
    $entries = Invoke-RestMethod -Uri ($Server.Relay + '/__log') -SkipCertificateCheck
    $entries    # enumerated on output, so a pipeline sees one entry at a time
}

function Clear-FakeServerLog {
    param([Parameter(Mandatory)] $Server)
    $null = Invoke-RestMethod -Method Delete -Uri ($Server.Relay + '/__log') -SkipCertificateCheck
}

function Get-FakeServerConnections {
    # Connections and TLS handshakes the fake server accepted since the last Clear-FakeServerConnections.
    param([Parameter(Mandatory)] $Server)
    Invoke-RestMethod -Uri ($Server.Relay + '/__connections') -SkipCertificateCheck
}

function Clear-FakeServerConnections {
    param([Parameter(Mandatory)] $Server)
    $null = Invoke-RestMethod -Method Delete -Uri ($Server.Relay + '/__connections') -SkipCertificateCheck
}

function New-TestKey {
    <#
    .SYNOPSIS
        A key the fake server understands: a kind prefix, a scenario marker and padding to a realistic length.
    .EXAMPLE
        New-TestKey -Prefix 'sk-' -Marker 'relayok'
    #>
    param(
        [Parameter(Mandatory)][string] $Prefix,
        [Parameter(Mandatory)][string] $Marker,
        [int] $Number = 1
    )
    $Prefix + $Marker + ('{0:D24}' -f $Number)
}

function Get-ModuleManifestPath {
    Join-Path $script:RepositoryRoot 'OpenAIBilling.psd1'
}

function Invoke-ChildShell {
    <#
    .SYNOPSIS
        Runs -Script in a fresh `pwsh -NonInteractive` whose stdin is closed at once, as a scheduler or runbook host
        would; returns @{ ExitCode; Output; Errors }. Anything that prompts fails there instead of waiting.
    #>
    param(
        [Parameter(Mandatory)][string] $Script,
        [hashtable] $Environment = @{},
        [int] $TimeoutSec = 120
    )
    $dll = Join-Path $PSHOME 'pwsh.dll'
    $start = if (Test-Path $dll) { [Diagnostics.ProcessStartInfo]::new('dotnet') } else { [Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME 'pwsh')) }
    if (Test-Path $dll) { $start.ArgumentList.Add($dll) }
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    foreach ($argument in '-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded) { $start.ArgumentList.Add($argument) }
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($start)
    $process.StandardInput.Close()
    $output = $process.StandardOutput.ReadToEndAsync()
    $errors = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSec * 1000)) {
        $process.Kill()
        throw "The child shell did not finish within $TimeoutSec s."
    }
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $output.Result; Errors = $errors.Result }
}

function Import-OpenAIBilling {
    # Imports the built module from the repository root, as a user would.
    Import-Module (Join-Path $script:RepositoryRoot 'OpenAIBilling.psd1') -Force -Global
}

Export-ModuleMember -Function Start-FakeBillingServer, Start-FakeServerProcess, Stop-FakeBillingServer, Get-FakeServerLog, Clear-FakeServerLog, Get-FakeServerConnections, Clear-FakeServerConnections, New-TestKey, Import-OpenAIBilling, Invoke-ChildShell, Get-ModuleManifestPath
