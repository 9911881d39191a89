package dev.fetchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fetchboard.workspace.AuthSpec;
import dev.fetchboard.workspace.HttpRequestSpec;
import org.junit.jupiter.api.Test;

/** No importer writes a literal secret: each becomes a ${env:…} reference named in a notice. */
class ImportSecretsTest {
  private static final String SECRET = "S3CRET-value-42";

  private static void noLiteralSecret(ImportResult r, String... secrets) {
    for (String s : secrets) {
      assertThat(r.toString()).as("the import result").doesNotContain(s);
    }
  }

  @Test
  void curlUrlCredentialsBecomeBasicAuthWithAReferenceNotADroppedUrlPart() throws Exception {
    ImportResult r = CurlParser.parse("curl http://admin:" + SECRET + "@h.test:8080/x?a=1");
    HttpRequestSpec h = r.panels().getFirst().asHttp().orElseThrow();
    assertThat(h.url()).isEqualTo("http://h.test:8080/x?a=1");
    assertThat(h.auth()).isEqualTo(AuthSpec.basic("admin", "${env:H_TEST_PASSWORD}"));
    assertThat(r.notices()).anyMatch(n -> n.contains("H_TEST_PASSWORD"));
    noLiteralSecret(r, SECRET);
  }

  @Test
  void curlOauth2BearerBecomesATokenReferenceNotTheUrl() throws Exception {
    ImportResult r = CurlParser.parse("curl --oauth2-bearer " + SECRET + " https://api.test/items");
    HttpRequestSpec h = r.panels().getFirst().asHttp().orElseThrow();
    assertThat(h.url()).isEqualTo("https://api.test/items");
    assertThat(h.auth()).isEqualTo(AuthSpec.bearer("${env:API_TEST_TOKEN}"));
    assertThat(r.notices()).anyMatch(n -> n.contains("API_TEST_TOKEN"));
    noLiteralSecret(r, SECRET);
  }

  @Test
  void curlCertificateAndProxyPasswordsNeverReachTheNotices() throws Exception {
    ImportResult r =
        CurlParser.parse(
            "curl -E cert.pem:PW-one --cert c.pem:PW-two --proxy-user u:PW-three"
                + " -U u:PW-four -x http://u:PW-five@proxy:3128 --pass PW-six"
                + " --tlspassword PW-seven https://h.test/");
    assertThat(r.panels().getFirst().asHttp().orElseThrow().url()).isEqualTo("https://h.test/");
    assertThat(r.notices())
        .anyMatch(n -> n.contains("-E"))
        .anyMatch(n -> n.contains("--proxy-user"));
    noLiteralSecret(r, "PW-");
  }

  @Test
  void curlSecretLookingHeadersBecomeReferencesAndCookiesDoNotFailTheImport() throws Exception {
    ImportResult r =
        CurlParser.parse(
            "curl https://api.test/x -H 'X-Auth-Token: t1-"
                + SECRET
                + "' -H 'Private-Token: t2-"
                + SECRET
                + "' -H 'X-Api-Key: t3-"
                + SECRET
                + "' -H 'Proxy-Authorization: Basic dTpw' -b 'session=t4-"
                + SECRET
                + "' -H 'Accept: application/json'");
    var headers = r.panels().getFirst().asHttp().orElseThrow().headers();
    assertThat(headers)
        .containsEntry("X-Auth-Token", "${env:API_TEST_X_AUTH_TOKEN}")
        .containsEntry("Private-Token", "${env:API_TEST_PRIVATE_TOKEN}")
        .containsEntry("X-Api-Key", "${env:API_TEST_X_API_KEY}")
        .containsEntry("Proxy-Authorization", "${env:API_TEST_PROXY_AUTHORIZATION}")
        .containsEntry("Cookie", "${env:API_TEST_COOKIE}")
        .containsEntry("Accept", "application/json");
    assertThat(r.notices())
        .anyMatch(n -> n.contains("API_TEST_X_AUTH_TOKEN"))
        .anyMatch(n -> n.contains("API_TEST_COOKIE"));
    noLiteralSecret(r, SECRET, "dTpw");
  }

  @Test
  void curlOnLoopbackNamesItsVariablesLocalhost() throws Exception {
    ImportResult r =
        CurlParser.parse("curl -H 'Authorization: Bearer abc' http://127.0.0.1:8080/items");
    assertThat(r.panels().getFirst().asHttp().orElseThrow().auth())
        .isEqualTo(AuthSpec.bearer("${env:LOCALHOST_TOKEN}"));
    ImportResult other = CurlParser.parse("curl -u me:pw http://10.1.2.3/items");
    assertThat(other.panels().getFirst().asHttp().orElseThrow().auth().basic().password())
        .isEqualTo("${env:API_PASSWORD}");
  }

  @Test
  void curlSecretQueryParametersAndBodyFieldsBecomeReferences() throws Exception {
    ImportResult r =
        CurlParser.parse(
            "curl 'https://h.test/x?access_token="
                + SECRET
                + "&limit=5' -H 'Content-Type: application/json'"
                + " -d '{\"user\":\"ada\",\"password\":\""
                + SECRET
                + "\"}'");
    HttpRequestSpec h = r.panels().getFirst().asHttp().orElseThrow();
    assertThat(h.url())
        .isEqualTo("https://h.test/x?access_token=${env:H_TEST_ACCESS_TOKEN}&limit=5");
    assertThat(h.body().text()).contains("\"user\" : \"ada\"").contains("${env:H_TEST_PASSWORD}");
    noLiteralSecret(r, SECRET);
  }

  @Test
  void postmanPwdPrivateKeyApiKeyBearerAndCookiesBecomeReferences() throws Exception {
    String collection =
        """
        {"info": {"name": "Vault", "schema":
          "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
         "variable": [{"key": "pwd", "value": "v1-%1$s"}, {"key": "private_key", "value": "v2-%1$s"},
                      {"key": "base", "value": "https://u:v3-%1$s@vault.test"}],
         "item": [
          {"name": "login", "request": {"method": "POST",
            "header": [{"key": "Cookie", "value": "sid=v4-%1$s"}],
            "url": "https://ops:v5-%1$s@vault.test/login?api_key=v6-%1$s",
            "body": {"mode": "urlencoded", "urlencoded": [{"key": "pwd", "value": "v7-%1$s"},
              {"key": "user", "value": "ada"}]}}},
          {"name": "key", "request": {"method": "GET", "url": "https://vault.test/k",
            "auth": {"type": "apikey", "apikey": [{"key": "value", "value": "v8-%1$s"},
              {"key": "key", "value": "X-Key"}]}}},
          {"name": "token", "request": {"method": "GET", "url": "https://vault.test/t",
            "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "v9-%1$s"}]}}}
         ]}
        """
            .formatted(SECRET);
    ImportResult r = PostmanImporter.parse(collection);
    noLiteralSecret(r, SECRET);
    assertThat(r.environments().get("vault"))
        .containsEntry("pwd", "${env:VAULT_PWD}")
        .containsEntry("private_key", "${env:PRIVATE_KEY}");
    var login = r.panels().getFirst().asHttp().orElseThrow();
    assertThat(login.url()).isEqualTo("https://vault.test/login?api_key=${env:VAULT_API_KEY}");
    assertThat(login.auth().basic().user()).isEqualTo("ops");
    assertThat(login.headers()).containsEntry("Cookie", "${env:VAULT_COOKIE}");
    assertThat(login.body().form())
        .containsEntry("pwd", "${env:VAULT_PWD}")
        .containsEntry("user", "ada");
    assertThat(r.notices()).anyMatch(n -> n.contains("VAULT_COOKIE"));
  }

  @Test
  void httpFileSecretHeadersAndVariablesBecomeReferences() throws Exception {
    String text =
        """
        @pwd = v1-%1$s
        ### one
        GET https://h.test/a
        X-Auth-Token: v2-%1$s
        Cookie: sid=v3-%1$s
        Authorization: Basic YWRhOnB3
        """
            .formatted(SECRET);
    ImportResult r = HttpFileImporter.parse(text);
    noLiteralSecret(r, SECRET, "YWRhOnB3");
    var h = r.panels().getFirst().asHttp().orElseThrow();
    assertThat(h.headers())
        .containsEntry("X-Auth-Token", "${env:H_TEST_X_AUTH_TOKEN}")
        .containsEntry("Cookie", "${env:H_TEST_COOKIE}");
    assertThat(h.auth()).isEqualTo(AuthSpec.basic("ada", "${env:H_TEST_PASSWORD}"));
    assertThat(r.environments().get("http-file")).containsEntry("pwd", "${env:HTTP_PWD}");
  }

  @Test
  void openApiQueryTokenExamplesBecomeReferences() throws Exception {
    String doc =
        """
        openapi: 3.0.3
        info: {title: Maps}
        servers: [{url: "https://maps.test"}]
        paths:
          /tiles:
            get:
              parameters:
                - {name: access_token, in: query, required: true, example: v1-%1$s}
                - {name: key, in: query, schema: {type: string, example: v2-%1$s}}
                - {name: zoom, in: query, example: 3}
              responses: {}
        """
            .formatted(SECRET);
    ImportResult r = OpenApiImporter.parse(doc);
    noLiteralSecret(r, SECRET);
    assertThat(r.panels().getFirst().asHttp().orElseThrow().query())
        .containsEntry("access_token", "${env:MAPS_ACCESS_TOKEN}")
        .containsEntry("key", "${env:MAPS_KEY}")
        .containsEntry("zoom", "3");
    assertThat(r.notices()).anyMatch(n -> n.contains("MAPS_ACCESS_TOKEN"));
  }

  @Test
  void noticesNeverPrintTheValuesOfHeadersWithoutAName() throws Exception {
    ImportResult r = CurlParser.parse("curl https://h.test/ -H 'Bearer " + SECRET + "'");
    noLiteralSecret(r, SECRET);
  }
}
