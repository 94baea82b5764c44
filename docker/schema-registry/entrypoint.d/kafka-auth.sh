# shellcheck shell=sh
# Part of docker/schema-registry/entrypoint.sh (sourced): how the kafkastore clients authenticate.
#
# Everything set here is a SCHEMA_REGISTRY_KAFKASTORE_* variable, which the cp launcher writes into
# schema-registry.properties and (prefix stripped) admin.properties for `ub kafka-ready`. So none
# of them may carry a secret: the SCRAM password goes into jaas.conf (jaas.sh), key-store passwords
# into kafka-tls.properties, referenced as ${file:...} (kafka-tls.sh).

# Settings this script owns; stale values (e.g. from a local `docker run -e`) are dropped first.
clear_kafka_security_settings() {
  unset SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG \
    SCHEMA_REGISTRY_KAFKASTORE_SASL_CLIENT_CALLBACK_HANDLER_CLASS \
    SCHEMA_REGISTRY_KAFKASTORE_SSL_TRUSTSTORE_LOCATION SCHEMA_REGISTRY_KAFKASTORE_SSL_TRUSTSTORE_TYPE \
    SCHEMA_REGISTRY_KAFKASTORE_SSL_TRUSTSTORE_PASSWORD SCHEMA_REGISTRY_KAFKASTORE_SSL_KEYSTORE_LOCATION \
    SCHEMA_REGISTRY_KAFKASTORE_SSL_KEYSTORE_TYPE SCHEMA_REGISTRY_KAFKASTORE_SSL_KEYSTORE_PASSWORD \
    SCHEMA_REGISTRY_KAFKASTORE_SSL_KEY_PASSWORD SCHEMA_REGISTRY_KAFKASTORE_CONFIG_PROVIDERS \
    SCHEMA_REGISTRY_KAFKASTORE_CONFIG_PROVIDERS_FILE_CLASS \
    SCHEMA_REGISTRY_KAFKASTORE_CONFIG_PROVIDERS_FILE_PARAM_ALLOWED_PATHS
}

configure_scram() {
  require_var SR_KAFKA_SCRAM_USERNAME "SR_KAFKA_AUTH_MODE=scram"
  require_var SR_KAFKA_SCRAM_PASSWORD "SR_KAFKA_AUTH_MODE=scram"
  require_printable_ascii SR_KAFKA_SCRAM_USERNAME
  require_printable_ascii SR_KAFKA_SCRAM_PASSWORD
  require_jaas_literal SR_KAFKA_SCRAM_USERNAME
  require_jaas_literal SR_KAFKA_SCRAM_PASSWORD
  SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL=SASL_SSL
  SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM=SCRAM-SHA-512
  export SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM
  jaas_add_kafka_client org.apache.kafka.common.security.scram.ScramLoginModule \
    "$SR_KAFKA_SCRAM_USERNAME" "$SR_KAFKA_SCRAM_PASSWORD"
}

configure_kafka_auth() {
  mode=${SR_KAFKA_AUTH_MODE:-}
  clear_kafka_security_settings
  case $mode in
    iam)
      refuse_tls_stores "$mode"
      SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL=SASL_SSL
      SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM=AWS_MSK_IAM
      SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG='software.amazon.msk.auth.iam.IAMLoginModule required;'
      SCHEMA_REGISTRY_KAFKASTORE_SASL_CLIENT_CALLBACK_HANDLER_CLASS=software.amazon.msk.auth.iam.IAMClientCallbackHandler
      export SCHEMA_REGISTRY_KAFKASTORE_SASL_MECHANISM SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG \
        SCHEMA_REGISTRY_KAFKASTORE_SASL_CLIENT_CALLBACK_HANDLER_CLASS
      ;;
    scram)
      configure_scram
      configure_kafka_stores "$mode"
      ;;
    tls)
      SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL=SSL
      configure_kafka_stores "$mode"
      ;;
    plaintext)
      refuse_tls_stores "$mode"
      SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL=PLAINTEXT
      ;;
    '')
      die "SR_KAFKA_AUTH_MODE is required (one of: iam, scram, tls, plaintext)"
      ;;
    *)
      die "SR_KAFKA_AUTH_MODE='$mode' is not supported (use one of: iam, scram, tls, plaintext)"
      ;;
  esac
  export SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL
  log "kafka store: auth mode $mode (security.protocol=$SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL)"
}

# kafkastore.group.id: each node reads _schemas with its own consumer group
# <schema.registry.group.id>-<host.name>-<port>. The task role's MSK IAM permissions are scoped to
# exactly this pattern (lib/constructs/kafka-access/kafka-client-permissions.ts), so it is set here
# rather than left to the registry's default or to configuration.
set_reader_group_id() {
  port=${SCHEMA_REGISTRY_LISTENERS##*:}
  case $port in
    ''|*[!0-9]*) die "SCHEMA_REGISTRY_LISTENERS='$SCHEMA_REGISTRY_LISTENERS' must end in :<port>" ;;
  esac
  SCHEMA_REGISTRY_KAFKASTORE_GROUP_ID=${SCHEMA_REGISTRY_SCHEMA_REGISTRY_GROUP_ID:-schema-registry}-$SCHEMA_REGISTRY_HOST_NAME-$port
  export SCHEMA_REGISTRY_KAFKASTORE_GROUP_ID
}

# Last line of defence: every SCHEMA_REGISTRY_* variable becomes a line of a world-readable
# .properties file, so a password-like value there must be a ${file:...} reference.
refuse_secrets_in_properties() {
  for name in $(env | sed -n 's/^\(SCHEMA_REGISTRY_[A-Z0-9_]*\)=.*$/\1/p'); do
    case $name in
      *PASSWORD*|*JAAS_CONFIG*) ;;
      *) continue ;;
    esac
    value=$(value_of "$name")
    # shellcheck disable=SC2016 # a literal ${file:...} reference, resolved by Kafka, not the shell
    case $value in
      '${file:'*'}'|'') continue ;;
    esac
    case $name in
      *JAAS_CONFIG*)
        case $value in
          *[Pp][Aa][Ss][Ss][Ww][Oo][Rr][Dd]=*) ;;
          *) continue ;;
        esac
        ;;
    esac
    die "$name would be written into schema-registry.properties in plain text; pass credentials through the task-definition secrets this image knows (SR_*)"
  done
}
