# shellcheck shell=sh
# Part of docker/schema-registry/entrypoint.sh (sourced): Kafka TLS key stores from Secrets Manager.
#
# The task definition injects each store base64-encoded (PKCS#12 or JKS; the JVM's default
# keystore.type.compat=true loads either under type PKCS12) with its password:
#   SR_KAFKA_TLS_TRUSTSTORE(_PASSWORD)  CA certificates to trust (tls and scram), e.g. a private CA
#   SR_KAFKA_TLS_KEYSTORE(_PASSWORD)    client certificate and key (tls only: MSK mutual TLS, 9094)
# Stores and passwords are written 0600 to the secrets directory. The kafkastore.ssl.*.password
# properties hold only ${file:<secrets dir>/kafka-tls.properties:<key>} references, which Kafka's
# FileConfigProvider resolves inside each client (server and `ub kafka-ready` alike).

TLS_STORE_VARS='SR_KAFKA_TLS_TRUSTSTORE SR_KAFKA_TLS_TRUSTSTORE_PASSWORD SR_KAFKA_TLS_KEYSTORE SR_KAFKA_TLS_KEYSTORE_PASSWORD'

# Stores are a mistake outside tls/scram: say so instead of ignoring them.
refuse_tls_stores() {
  for name in $TLS_STORE_VARS; do
    [ -z "$(value_of "$name")" ] || die "$name is set but SR_KAFKA_AUTH_MODE=$1 does not use it (only tls and scram do)"
  done
}

# Value for java.util.Properties: backslashes doubled, a leading space kept.
properties_escape() {
  printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/^ /\\ /'
}

# Decodes the base64 store in variable $1 into file $2 (0600).
decode_store() {
  encoded=''
  eval "encoded=\${$1:-}"
  ensure_secrets_dir
  if ! (umask 077 && printf '%s' "$encoded" | tr -d ' \r\n' | base64 -d >"$2") 2>/dev/null; then
    rm -f "$2"
    die "$1 is not valid base64 (put the key store file base64-encoded into the secret field)"
  fi
  chmod 0600 "$2"
  [ -s "$2" ] || die "$1 decodes to an empty key store"
}

# Adds one store: $1 = truststore | keystore, $2 = variable holding it, $3 = its password.
add_store() {
  store_file=$SECRETS_DIR/kafka.$1
  decode_store "$2" "$store_file"
  TLS_PASSWORD_ENTRIES="$TLS_PASSWORD_ENTRIES$1.password=$(properties_escape "$3")$NL"
  # shellcheck disable=SC2034 # read by the eval below
  reference="\${file:$SECRETS_DIR/kafka-tls.properties:$1.password}"
  upper=$(printf '%s' "$1" | tr '[:lower:]' '[:upper:]')
  eval "SCHEMA_REGISTRY_KAFKASTORE_SSL_${upper}_LOCATION=\$store_file"
  eval "SCHEMA_REGISTRY_KAFKASTORE_SSL_${upper}_TYPE=PKCS12"
  eval "SCHEMA_REGISTRY_KAFKASTORE_SSL_${upper}_PASSWORD=\$reference"
  export "SCHEMA_REGISTRY_KAFKASTORE_SSL_${upper}_LOCATION" "SCHEMA_REGISTRY_KAFKASTORE_SSL_${upper}_TYPE" \
    "SCHEMA_REGISTRY_KAFKASTORE_SSL_${upper}_PASSWORD"
}

# $1 = auth mode (tls or scram).
configure_kafka_stores() {
  TLS_PASSWORD_ENTRIES=''
  if [ -n "${SR_KAFKA_TLS_TRUSTSTORE_PASSWORD:-}" ] && [ -z "${SR_KAFKA_TLS_TRUSTSTORE:-}" ]; then
    die "SR_KAFKA_TLS_TRUSTSTORE_PASSWORD is set but SR_KAFKA_TLS_TRUSTSTORE is not"
  fi
  if [ -n "${SR_KAFKA_TLS_KEYSTORE_PASSWORD:-}" ] && [ -z "${SR_KAFKA_TLS_KEYSTORE:-}" ]; then
    die "SR_KAFKA_TLS_KEYSTORE_PASSWORD is set but SR_KAFKA_TLS_KEYSTORE is not"
  fi
  if [ -n "${SR_KAFKA_TLS_TRUSTSTORE:-}" ]; then
    require_var SR_KAFKA_TLS_TRUSTSTORE_PASSWORD "SR_KAFKA_TLS_TRUSTSTORE is set"
    require_printable_ascii SR_KAFKA_TLS_TRUSTSTORE_PASSWORD
    add_store truststore SR_KAFKA_TLS_TRUSTSTORE "$SR_KAFKA_TLS_TRUSTSTORE_PASSWORD"
    log "kafka store: TLS trust from SR_KAFKA_TLS_TRUSTSTORE"
  else
    log "kafka store: TLS trust from the JVM's default CA certificates"
  fi
  if [ -n "${SR_KAFKA_TLS_KEYSTORE:-}" ]; then
    [ "$1" = tls ] || die "SR_KAFKA_TLS_KEYSTORE is only used with SR_KAFKA_AUTH_MODE=tls (a client certificate is how tls authenticates; scram uses the password)"
    require_var SR_KAFKA_TLS_KEYSTORE_PASSWORD "SR_KAFKA_TLS_KEYSTORE is set"
    require_printable_ascii SR_KAFKA_TLS_KEYSTORE_PASSWORD
    add_store keystore SR_KAFKA_TLS_KEYSTORE "$SR_KAFKA_TLS_KEYSTORE_PASSWORD"
    log "kafka store: client certificate from SR_KAFKA_TLS_KEYSTORE (mutual TLS)"
  fi
  [ -n "$TLS_PASSWORD_ENTRIES" ] || return 0
  printf '%s' "$TLS_PASSWORD_ENTRIES" | write_private "$SECRETS_DIR/kafka-tls.properties"
  # allowed.paths (Kafka 3.8+; ignored by older clients) keeps the provider inside this directory.
  SCHEMA_REGISTRY_KAFKASTORE_CONFIG_PROVIDERS='file'
  SCHEMA_REGISTRY_KAFKASTORE_CONFIG_PROVIDERS_FILE_CLASS=org.apache.kafka.common.config.provider.FileConfigProvider
  SCHEMA_REGISTRY_KAFKASTORE_CONFIG_PROVIDERS_FILE_PARAM_ALLOWED_PATHS=$SECRETS_DIR
  export SCHEMA_REGISTRY_KAFKASTORE_CONFIG_PROVIDERS SCHEMA_REGISTRY_KAFKASTORE_CONFIG_PROVIDERS_FILE_CLASS \
    SCHEMA_REGISTRY_KAFKASTORE_CONFIG_PROVIDERS_FILE_PARAM_ALLOWED_PATHS
}
