package io.flashsale.user.domain.model;

import io.flashsale.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CredentialRulesTest {

    @Test
    void usernamesAreShortSafeAndCaseInsensitive() {
        assertEquals("alice", new Username("  Alice ").value());
        assertEquals(new Username("BOB.smith-2"), new Username("bob.smith-2"));
        new Username("abc");
        new Username("a".repeat(32));
        for (String bad : new String[] {null, "", "ab", "a".repeat(33), "-leading", "has space", "émile", "x;y"}) {
            assertThrows(InvalidInputException.class, () -> new Username(bad), String.valueOf(bad));
        }
    }

    @Test
    void chosenPasswordsAre8To128CharactersAndNeverPrinted() {
        Password.chosen("p".repeat(8));
        Password.chosen("p".repeat(128));
        assertThrows(InvalidInputException.class, () -> Password.chosen("p".repeat(7)));
        assertThrows(InvalidInputException.class, () -> Password.chosen("p".repeat(129)));
        assertThrows(InvalidInputException.class, () -> Password.chosen(null));
        assertFalse(Password.chosen("secret-value-1").toString().contains("secret"));
    }

    @Test
    void anOfferedPasswordIsNeverRejectedBeforeTheHashDecides() {
        assertEquals(0, Password.offered(null).characters().length);
        assertEquals(3, Password.offered("abc").characters().length);
    }
}
