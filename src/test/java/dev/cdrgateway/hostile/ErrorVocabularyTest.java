package dev.cdrgateway.hostile;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's error table ("### Errors", rows starting with "| `") documents exactly the codes the hostile
 * suite accepts ({@link ErrorVocabulary#CODES}), and the contract checker itself rejects what it should.
 */
class ErrorVocabularyTest {

    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z_]+)`");

    @Test
    void readmeErrorTableListsExactlyTheDocumentedCodes() throws IOException {
        Set<String> documented = readmeCodes(Files.readAllLines(Path.of("README.md")));
        Set<String> missingFromReadme = new TreeSet<>(ErrorVocabulary.CODES);
        missingFromReadme.removeAll(documented);
        Set<String> unknownToTheSuite = new TreeSet<>(documented);
        unknownToTheSuite.removeAll(ErrorVocabulary.CODES);
        assertTrue(missingFromReadme.isEmpty() && unknownToTheSuite.isEmpty(),
                "README ### Errors table: missing " + missingFromReadme + ", not in ErrorVocabulary.CODES "
                        + unknownToTheSuite);
        assertEquals(new TreeSet<>(ErrorVocabulary.CODES), documented);
    }

    /** The codes in the first cell of each table row of the "### Errors" section. */
    static Set<String> readmeCodes(List<String> lines) {
        Set<String> codes = new TreeSet<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("#")) {
                inSection = line.strip().equals("### Errors");
                continue;
            }
            if (inSection && line.startsWith("| `")) {
                String firstCell = line.substring(1, line.indexOf('|', 1));
                Matcher matcher = CODE.matcher(firstCell);
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        assertFalse(codes.isEmpty(), "no \"### Errors\" table rows starting with \"| `\" in README.md");
        return codes;
    }

    /** The gateway's own list of codes (what it may send) is the documented one, no more and no less. */
    @Test
    void theGatewaysErrorCodesAreTheDocumentedOnes() {
        assertEquals(new java.util.TreeSet<>(ErrorVocabulary.CODES), java.util.Arrays.stream(
                dev.cdrgateway.domain.error.ErrorCode.values()).map(Enum::name).collect(
                        java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    }

    @Test
    void theReadmeParserReadsEveryCodeOfARow() {
        assertEquals(Set.of("A_B", "CC", "DD"), readmeCodes(List.of("## Other", "| `X` | no |", "### Errors",
                "| code | when |", "|---|---|", "| `A_B` / `CC` | x `NOT_THIS` |", "| `DD` | y |", "### Next", "| `Y` |")));
    }

    @Test
    void theContractAcceptsAGraphQLErrorAndAnHttpError() {
        assertEquals(List.of(), ErrorVocabulary.violations(200, "application/json",
                "{\"data\":null,\"errors\":[{\"message\":\"`first` must be at most 500\","
                        + "\"extensions\":{\"code\":\"BAD_USER_INPUT\",\"retryable\":false}}]}"));
        assertEquals(List.of(), ErrorVocabulary.violations(415, "application/json;charset=UTF-8",
                "{\"errors\":[{\"message\":\"Send application/json\","
                        + "\"extensions\":{\"code\":\"UNSUPPORTED_MEDIA_TYPE\",\"retryable\":false}}]}"));
        assertEquals(List.of(), ErrorVocabulary.violations(200, "application/graphql-response+json",
                "{\"data\":{\"__typename\":\"Query\"}}"));
    }

    @Test
    void theContractRejectsWhatItMust() {
        assertFalse(ErrorVocabulary.violations(500, "application/json",
                "{\"errors\":[{\"message\":\"x\",\"extensions\":{\"code\":\"INTERNAL\",\"retryable\":true}}]}").isEmpty());
        assertFalse(ErrorVocabulary.violations(400, "text/plain", "Bad Request").isEmpty());
        assertFalse(ErrorVocabulary.violations(400, "application/json", "{}").isEmpty());
        assertFalse(ErrorVocabulary.violations(200, "application/json",
                "{\"errors\":[{\"message\":\"x\",\"extensions\":{\"code\":\"ValidationError\",\"retryable\":false}}]}")
                .isEmpty());
        assertFalse(ErrorVocabulary.violations(200, "application/json",
                "{\"errors\":[{\"message\":\"x\",\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}").isEmpty());
        assertFalse(ErrorVocabulary.violations(200, "application/json",
                "{\"errors\":[{\"message\":\"x\",\"extensions\":{\"code\":\"BAD_USER_INPUT\",\"retryable\":false,"
                        + "\"classification\":\"ValidationError\"}}]}").isEmpty());
        assertFalse(ErrorVocabulary.violations(200, "application/json",
                "{\"errors\":[{\"message\":\"graphql.GraphQLException: boom\","
                        + "\"extensions\":{\"code\":\"INTERNAL\",\"retryable\":false}}]}").isEmpty());
        assertTrue(ErrorVocabulary.leaks("Coercing 'Int' failed"));
        assertTrue(ErrorVocabulary.leaks("at dev.cdrgateway.Foo(Foo.java:1)"));
        assertTrue(ErrorVocabulary.leaks("java.lang.NumberFormatException"));
        assertFalse(ErrorVocabulary.leaks("Variable 'n' has an invalid value: 2147483648 is not an Int"));
    }
}
