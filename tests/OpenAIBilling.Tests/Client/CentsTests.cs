using OpenAIBilling.Json;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>The one conversion of the wire's cents to USD.</summary>
    public class CentsTests
    {
        [Theory]
        [InlineData("1999", "19.99")]
        [InlineData("1", "0.01")]
        [InlineData("0.5", "0.005")]
        [InlineData("0", "0")]
        [InlineData("-250", "-2.5")]
        [InlineData("12345678901234567890", "123456789012345678.9")]
        [InlineData("0.000001", "0.00000001")]
        public void Cents_become_USD_exactly(string cents, string usd)
        {
            Assert.Equal(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture),
                Cents.ToUsd(decimal.Parse(cents, System.Globalization.CultureInfo.InvariantCulture)));
        }

        [Fact]
        public void The_USD_keeps_every_digit_of_the_cents()
        {
            Assert.Equal("0.00000001", Cents.ToUsd(0.000001m).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("19.99", Cents.ToUsd(1999m).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
