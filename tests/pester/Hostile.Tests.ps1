# A hostile host on loopback (the fake server's hostile fault markers): what reaches the user carries no key and no
# terminal escape, each failure has its id, and what cannot be cured by retrying is tried once.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:server = Start-FakeBillingServer
    Import-OpenAIBilling
    $script:escape = [char]0x1b
    function script:Get-Failure([string] $Marker, [int] $Retries = 2) {
        $key = New-TestKey 'sk-' ('relayok' + $Marker)
        Clear-FakeServerLog $server
        $failure = $null
        $output = try {
            Get-OpenAIBalance -ApiKey $key -BaseUri $server.Relay -Source Subscription -MaximumRetryCount $Retries -RetryIntervalSec 1 -Verbose -Debug 4>&1 5>&1
        }
        catch { $failure = $_ }
        [pscustomobject]@{ Key = $key; Error = $failure; Messages = @($output | ForEach-Object { "$_" }); Requests = @(Get-FakeServerLog $server | Where-Object path -EQ '/v1/dashboard/billing/subscription').Count }
    }
}
AfterAll { $script:server | Stop-FakeBillingServer }

Describe 'A hostile host' {
    It 'that echoes the key with escapes in every field leaks neither into the error record, Get-Error, JSON or the streams' {
        $result = Get-Failure 'faultecho' -Retries 0
        $record = $result.Error
        $record.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.ApiError,*'
        $record.Exception.ErrorCode | Should -BeExactly 'sk-***'
        $record.Exception.ErrorType | Should -BeExactly 'type_sk-***'
        $record.Exception.RequestId | Should -BeExactly 'req_sk-***'
        $record.Exception.Message | Should -BeLike '*: Invalid token sk-***'
        $body = $result.Key.Substring(3)
        $shown = @(
            ($record | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue)
            ($record | Get-Error | Out-String)
            $result.Messages
        ) -join "`n"
        $shown | Should -Not -Match ([regex]::Escape($body.Substring(0, 8)))
        $shown | Should -Not -Match ([regex]::Escape($body.Substring($body.Length - 8)))
        $shown.IndexOf($escape) | Should -Be -1
    }

    It 'whose body is not the gzip it claims is InvalidResponse, tried once' {
        $result = Get-Failure 'faultbadgzip'
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.InvalidResponse,*'
        $result.Error.Exception.Message | Should -BeLike '*does not decompress.'
        $result.Requests | Should -Be 1
    }

    It 'whose headers are over the limit is InvalidResponse, tried once' {
        $result = Get-Failure 'faultbigheader'
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.InvalidResponse,*'
        $result.Requests | Should -Be 1
    }

    It 'asking to wait Infinity seconds is RateLimited at once' {
        $result = Get-Failure 'faultretryinfinity'
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.RateLimited,*'
        $result.Requests | Should -Be 1
    }

    It 'redirecting to file: is InvalidResponse, tried once' {
        $result = Get-Failure 'faultredirectfile'
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.InvalidResponse,*'
        $result.Requests | Should -Be 1
    }

    It 'redirecting with credentials in the Location is followed without them, and they are never shown' {
        $key = New-TestKey 'sk-' 'relayokfaultredirectcreds'
        Clear-FakeServerLog $server
        $output = Get-OpenAIBalance -ApiKey $key -BaseUri $server.Relay -Source Subscription -Verbose 4>&1
        ($output | Where-Object { $_ -is [OpenAIBilling.Balance] }).AvailableUsd | Should -Be 22.375
        ($output | ForEach-Object { "$_" }) -join "`n" | Should -Not -Match 'hunter2|admin:'
        (Get-FakeServerLog $server).path | Should -Contain '/redirected/v1/dashboard/billing/subscription'
    }

    It 'behind HTTP_PROXY never gets a key over plain http to loopback, and the proxy sees nothing' {
        Clear-FakeServerLog $server
        $manifest = Join-Path $PSScriptRoot '../../OpenAIBilling.psd1'
        $key = New-TestKey 'sk-' 'relayok'
        $id = Start-Job -ScriptBlock {
            $env:HTTP_PROXY = $using:server.Relay
            Import-Module $using:manifest
            try { Get-OpenAIBalance -ApiKey $using:key -BaseUri 'http://127.0.0.2:9' -MaximumRetryCount 0 -ErrorAction Stop; 'answered' }
            catch { $_.FullyQualifiedErrorId }
        } -ArgumentList @() | Wait-Job -Timeout 120 | Receive-Job
        $id | Should -BeLike 'OpenAIBilling.UnencryptedAuthentication,*'
        @(Get-FakeServerLog $server).Count | Should -Be 0
    }
}
