# HTTP/2 where the host offers it, HTTP/1.1 where it does not, and one connection per host reused across keys and
# calls: counted by the fake server over HTTPS, not timed. The module runs in a child shell that trusts the server's
# run-time certificate authority through SSL_CERT_FILE (never the machine's store).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../build/BuildTools.psm1') -Force
    $script:h2 = Start-FakeBillingServer -Https
    $script:h1 = Start-FakeBillingServer -Https -Http1Only
    $script:manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../OpenAIBilling.psd1')).Path
    $script:pwsh = @(Get-PwshCommand)

    function Invoke-ModuleInChild([Parameter(Mandatory)] $Server, [Parameter(Mandatory)][string] $Script) {
        # Runs $Script after importing the module in a fresh shell that trusts $Server's certificate; returns its output.
        $start = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        $command = "Import-Module '$manifest'; " + $Script
        foreach ($argument in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-c', $command)) { $start.ArgumentList.Add($argument) }
        $start.Environment['SSL_CERT_FILE'] = $Server.CaFile
        $start.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($start)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEnd()
        $process.WaitForExit()
        $stderr | Should -BeNullOrEmpty
        $process.ExitCode | Should -Be 0
        $stdout.GetAwaiter().GetResult().Trim()
    }

    function Get-Keys([int] $Count) { (1..$Count | ForEach-Object { "'" + (New-TestKey 'sk-' 'relayok' -Number $_) + "'" }) -join ',' }
}
AfterAll {
    $script:h2 | Stop-FakeBillingServer
    $script:h1 | Stop-FakeBillingServer
}

Describe 'HTTPS connections' {
    BeforeEach {
        foreach ($server in $h2, $h1) { Clear-FakeServerLog $server; Clear-FakeServerConnections $server }
    }

    It 'sends 24 keys and a second call to an HTTP/2 host as streams of one connection, with one handshake' {
        $relay = $h2.Relay
        $output = Invoke-ModuleInChild $h2 "@($(Get-Keys 24) | Get-OpenAIBalance -BaseUri '$relay' -ThrottleLimit 16).Count; @($(Get-Keys 3) | Get-OpenAISubscription -BaseUri '$relay').Count"
        $output -split '\s+' | Should -Be @('24', '3')
        $log = @(Get-FakeServerLog $h2)
        $log.Count | Should -Be (1 + 2 * 24 + 3)
        $log.protocol | Sort-Object -Unique | Should -Be 'HTTP/2'
        @($log.connection | Sort-Object -Unique).Count | Should -Be 1
        $counts = Get-FakeServerConnections $h2
        $counts.connections | Should -Be 1
        $counts.tlsHandshakes | Should -Be 1
    }

    It 'falls back to HTTP/1.1 against a host without HTTP/2, with no handshake per key' {
        $relay = $h1.Relay
        $output = Invoke-ModuleInChild $h1 "@($(Get-Keys 24) | Get-OpenAIBalance -BaseUri '$relay' -ThrottleLimit 2).Count"
        $output | Should -Be '24'
        $log = @(Get-FakeServerLog $h1)
        $log.Count | Should -Be (1 + 2 * 24)
        $log.protocol | Sort-Object -Unique | Should -Be 'HTTP/1.1'
        $counts = Get-FakeServerConnections $h1
        $counts.tlsHandshakes | Should -BeLessOrEqual 2
        $counts.connections | Should -Be $counts.tlsHandshakes
    }

    It 'keeps to about 8 connections to an HTTP/1.1 host without -ThrottleLimit, however many keys' {
        # 8 requests in flight; .NET's pool may finish a connection it began while a slot was being handed over, so a
        # few more than 8 can be opened, never one per key (the 64 of the default for HTTP/2 would open up to 40).
        $relay = $h1.Relay
        Invoke-ModuleInChild $h1 "@($(Get-Keys 40) | Get-OpenAIBalance -BaseUri '$relay').Count" | Should -Be '40'
        $counts = Get-FakeServerConnections $h1
        $counts.tlsHandshakes | Should -BeGreaterThan 0
        $counts.tlsHandshakes | Should -BeLessOrEqual 12
    }
}
