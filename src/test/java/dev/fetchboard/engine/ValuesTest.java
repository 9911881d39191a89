package dev.fetchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Cell values as text: exact where that is short, bounded always. */
class ValuesTest {

  @Test
  void aHugeExponentIsShownInScientificFormNotAsABillionDigits() {
    // 1e999999999 is 11 bytes of JSON; its plain form would be a billion characters.
    assertThat(Values.display(new BigDecimal("1e999999999"))).isEqualTo("1E+999999999");
    assertThat(Values.display(new BigDecimal("-2.5e999999999"))).isEqualTo("-2.5E+999999999");
    assertThat(Values.display(new BigDecimal("1e-999999999"))).isEqualTo("1E-999999999");
    assertThat(Values.display(new BigDecimal("7e2147483647"))).isEqualTo("7E+2147483647");
  }

  @Test
  void ordinaryDecimalsStayPlainAndExact() {
    assertThat(Values.display(new BigDecimal("1e3"))).isEqualTo("1000");
    assertThat(Values.display(new BigDecimal("0.005"))).isEqualTo("0.005");
    assertThat(Values.display(new BigDecimal("12.50"))).isEqualTo("12.50");
    assertThat(Values.display(new BigDecimal("-0.000001"))).isEqualTo("-0.000001");
    assertThat(Values.display(new BigDecimal("1e30"))).isEqualTo("1" + "0".repeat(30));
    String manyDigits = "9".repeat(1000);
    assertThat(Values.display(new BigDecimal(manyDigits))).isEqualTo(manyDigits);
  }

  @Test
  void theTextIsNeverMuchLongerThanTheNumbersOwnDigits() {
    for (int exponent : new int[] {-100_000, -31, -30, 0, 29, 30, 31, 1000, 99_999_999}) {
      BigDecimal b = new BigDecimal("1.23").scaleByPowerOfTen(exponent);
      String s = Values.display(b);
      assertThat(s.length()).as("1.23e%d", exponent).isLessThan(50);
      assertThat(new BigDecimal(s)).isEqualByComparingTo(b);
    }
  }
}
