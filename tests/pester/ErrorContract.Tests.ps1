# Every failure tied to one key is a non-terminating error, however the key arrived (by parameter, by pipeline or
# from the environment), so the common parameters and $? behave as with Get-Item. Only bad parameter combinations
# and bad dates stop the call (docs/DESIGN.md, "Error ids").
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:server = Start-FakeBillingServer
    Import-OpenAIBilling
    $script:bad = New-TestKey 'sk-' 'invalid'
    $script:good = New-TestKey 'sk-' 'relayok'
    $script:badId = 'OpenAIBilling.InvalidApiKey,OpenAIBilling.Commands.GetOpenAIBalanceCommand'

    # One failing call, the key arriving as $How says; $Common are common parameters such as -ErrorAction.
    # Dot-sourced, so that -ErrorVariable lands in the test's own scope.
    $script:failingCall = {
        param([string] $How, [hashtable] $Common = @{})
        switch ($How) {
            'parameter' { Get-OpenAIBalance -ApiKey $bad -BaseUri $server.Relay @Common }
            'pipeline' { $bad | Get-OpenAIBalance -BaseUri $server.Relay @Common }
            'environment' { Get-OpenAIBalance -BaseUri $server.Relay @Common }
        }
    }
}
AfterAll {
    $script:server | Stop-FakeBillingServer
}

Describe 'A failing key is a non-terminating error when it arrives by <_>' -ForEach 'parameter', 'pipeline', 'environment' {
    BeforeEach {
        $script:how = $_
        $ErrorActionPreference = 'Continue'
        if ($how -eq 'environment') { $env:OPENAI_API_KEY = $bad }
    }
    AfterEach {
        Remove-Item Env:OPENAI_API_KEY -ErrorAction SilentlyContinue
    }

    It '-ErrorAction SilentlyContinue writes nothing, records it in $Error and goes on' {
        $Error.Clear()
        $shown = . $failingCall $how @{ ErrorAction = 'SilentlyContinue' } 2>&1
        $shown | Should -BeNullOrEmpty
        @($Error | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -eq $badId }) | Should -HaveCount 1
    }

    It '-ErrorAction Ignore writes nothing and leaves $Error alone' {
        $Error.Clear()
        $shown = . $failingCall $how @{ ErrorAction = 'Ignore' } 2>&1
        $shown | Should -BeNullOrEmpty
        @($Error | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'OpenAIBilling.*' }) | Should -HaveCount 0
    }

    It '-ErrorAction Stop throws the error with its id' {
        { . $failingCall $how @{ ErrorAction = 'Stop' } } | Should -Throw -ErrorId $badId
    }

    It '-ErrorVariable collects the error, its target naming the key by KeyHint' {
        . $failingCall $how @{ ErrorAction = 'SilentlyContinue'; ErrorVariable = 'failures' }
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be $badId
        $failures[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failures[0].TargetObject.KeyHint | Should -Be ('sk-...' + $bad.Substring($bad.Length - 4))
    }

    It '2>$null hides the error and the script goes on' {
        $reached = $false
        $output = . $failingCall $how 2>$null
        $reached = $true
        $output | Should -BeNullOrEmpty
        $reached | Should -BeTrue
    }

    It 'sets $? to false, as Get-Item does' {
        switch ($how) {
            'parameter' { Get-OpenAIBalance -ApiKey $bad -BaseUri $server.Relay -ErrorAction SilentlyContinue; $succeeded = $? }
            'pipeline' { $bad | Get-OpenAIBalance -BaseUri $server.Relay -ErrorAction SilentlyContinue; $succeeded = $? }
            'environment' { Get-OpenAIBalance -BaseUri $server.Relay -ErrorAction SilentlyContinue; $succeeded = $? }
        }
        $succeeded | Should -BeFalse
    }

    It '$ErrorActionPreference = Stop makes it catchable with try/catch' {
        $caught = $null
        $reached = $false
        try {
            $ErrorActionPreference = 'Stop'
            . $failingCall $how
            $reached = $true
        }
        catch {
            $caught = $_
        }
        finally {
            $ErrorActionPreference = 'Continue'
        }
        $reached | Should -BeFalse
        $caught.FullyQualifiedErrorId | Should -Be $badId
    }
}

Describe 'A loop over keys' {
    It 'goes on past a bad key given by parameter' {
        $ErrorActionPreference = 'Continue'
        $balances = foreach ($key in $bad, $good) {
            Get-OpenAIBalance -ApiKey $key -BaseUri $server.Relay -ErrorAction SilentlyContinue
        }
        $balances | Should -HaveCount 1
        $balances.KeyHint | Should -Be ('sk-...' + $good.Substring($good.Length - 4))
    }

    It 'reports a key with a non-ASCII character as InvalidApiKeyFormat without sending anything' {
        Clear-FakeServerLog $server
        Get-OpenAIBalance -ApiKey ("sk-" + [char] 0x201C + 'relayok000000000000000000001' + [char] 0x201D) -BaseUri $server.Relay -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.InvalidApiKeyFormat,*'
        @(Get-FakeServerLog $server) | Should -HaveCount 0
    }
}

Describe 'What stops the whole call' {
    It 'bad dates are terminating even with -ErrorAction SilentlyContinue' {
        { Get-OpenAIUsage -ApiKey $good -BaseUri $server.Relay -StartDate ([datetime]::UtcNow.Date.AddDays(3)) -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'OpenAIBilling.InvalidDateRange,*'
    }

    It 'a parameter combination a cmdlet cannot take is terminating' {
        { Get-OpenAITokenUsage -ApiKey (New-TestKey 'sk-admin-' 'org') -BaseUri $server.OpenAI -Endpoint VectorStores -GroupBy Model -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'OpenAIBilling.InvalidArgument,*'
    }
}

Describe 'The recommended action names only the failing cmdlet''s own parameters' {
    It 'offers another -Source where the cmdlet has one' {
        $err = { Get-OpenAIBalance -ApiKey $good -BaseUri $server.Relay -Source CreditGrants -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.EndpointNotFound,*'
        $err.ErrorDetails.RecommendedAction | Should -BeLike '* does not serve */credit_grants. Check -BaseUri, or pick another -Source.'
        $err.Exception.RecommendedAction | Should -BeExactly $err.ErrorDetails.RecommendedAction
    }

    It 'offers no -Source where the cmdlet has none' {
        $err = { Get-OpenAICreditGrant -ApiKey $good -BaseUri $server.Relay -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.EndpointNotFound,*'
        $err.ErrorDetails.RecommendedAction | Should -BeLike '* does not serve */credit_grants. Check -BaseUri.'
    }

    It 'points a grouping the endpoint does not take at the cmdlet''s own help' {
        $err = { Get-OpenAITokenUsage -ApiKey (New-TestKey 'sk-admin-' 'org') -BaseUri $server.OpenAI -Endpoint VectorStores -GroupBy Model } | Should -Throw -PassThru
        $err.ErrorDetails.RecommendedAction | Should -BeExactly 'Leave out the grouping or filter that the endpoint does not take; Get-Help Get-OpenAITokenUsage -Parameter GroupBy lists what each endpoint accepts.'
    }
}
