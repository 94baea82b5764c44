# shellcheck shell=sh
# Part of docker/schema-registry/entrypoint.sh (sourced): the one JAAS file of both JVMs.
#
# A JVM takes a single -Djava.security.auth.login.config, so the basic-auth realm and the Kafka
# client login (SCRAM) share one file: jaas.conf, mode 0600, in the secrets directory.

JAAS_SECTIONS=''
JAAS_HAS_KAFKA_CLIENT=false

# Escapes a value for a double-quoted option in a JAAS file (the JDK reads it with StreamTokenizer).
jaas_file_quote() {
  printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'
}

# The JDK expands ${name} in JAAS option values as a system property (and fails on unknown names),
# so a value containing "${" would not reach the login module as written.
require_jaas_literal() {
  raw=''
  eval "raw=\${$1:-}"
  # shellcheck disable=SC2016 # a literal "${" is what is refused
  case $raw in
    *'${'*) die "$1 must not contain '\${': the JDK expands \${...} in JAAS files (generate the secret without it)" ;;
  esac
}

jaas_add_section() {
  JAAS_SECTIONS="$JAAS_SECTIONS$1$NL"
}

# KafkaClient is the section Kafka clients read when sasl.jaas.config is not set, so the SCRAM
# password lives only in this file, not in any .properties file the cp launcher renders.
jaas_add_kafka_client() {
  jaas_add_section "KafkaClient {
  $1 required
  username=\"$(jaas_file_quote "$2")\"
  password=\"$(jaas_file_quote "$3")\";
};"
  JAAS_HAS_KAFKA_CLIENT=true
}

# Writes jaas.conf and points the server JVM (SCHEMA_REGISTRY_OPTS) and, with a KafkaClient
# section, the `ub kafka-ready` pre-flight JVM (KAFKA_OPTS) at it.
write_jaas_file() {
  [ -n "$JAAS_SECTIONS" ] || return 0
  jaas_file=$SECRETS_DIR/jaas.conf
  printf '%s' "$JAAS_SECTIONS" | write_private "$jaas_file"
  jaas_option="-Djava.security.auth.login.config=$jaas_file"
  SCHEMA_REGISTRY_OPTS="${SCHEMA_REGISTRY_OPTS:+$SCHEMA_REGISTRY_OPTS }$jaas_option"
  export SCHEMA_REGISTRY_OPTS
  if [ "$JAAS_HAS_KAFKA_CLIENT" = true ]; then
    # ub passes KAFKA_OPTS to that JVM as one single argument: it can hold exactly one option.
    KAFKA_OPTS=$jaas_option
    export KAFKA_OPTS
  fi
}
