# shellcheck shell=sh
# Part of docker/schema-registry/entrypoint.sh (sourced): HTTP basic auth (realm in jaas.sh's file).

# --- HTTP basic authentication ----------------------------------------------------------------

# CP 8 ships Jetty 12, which moved the JAAS classes to org.eclipse.jetty.security.jaas.
login_module_class() {
  major=${SR_CP_VERSION:-}
  major=${major%%.*}
  case $major in
    ''|*[!0-9]*) die "SR_CP_VERSION='${SR_CP_VERSION:-}' is not a Confluent Platform version such as 8.0.4 (the Dockerfile sets it from the CP_VERSION build arg)" ;;
  esac
  if [ "$major" -ge 8 ]; then
    echo org.eclipse.jetty.security.jaas.spi.PropertyFileLoginModule
  else
    echo org.eclipse.jetty.jaas.spi.PropertyFileLoginModule
  fi
}

configure_basic_auth() {
  enabled=${SR_BASIC_AUTH_ENABLED:-false}
  case $enabled in
    true) ;;
    false) log "basic auth: off"; return 0 ;;
    *) die "SR_BASIC_AUTH_ENABLED='$enabled' is not valid (use true or false)" ;;
  esac
  require_var SR_ADMIN_USERNAME "SR_BASIC_AUTH_ENABLED=true"
  require_var SR_ADMIN_PASSWORD "SR_BASIC_AUTH_ENABLED=true"
  # Jetty reads the password file with java.util.Properties (key: user) and splits the value at
  # the first comma (password, then roles); a Basic-auth user name cannot contain ':'.
  printf '%s' "$SR_ADMIN_USERNAME" | grep -Eq '^[A-Za-z0-9._@-]+$' \
    || die "SR_ADMIN_USERNAME may only contain letters, digits and . _ @ -"
  require_printable_ascii SR_ADMIN_PASSWORD
  case $SR_ADMIN_PASSWORD in
    *,*) die "SR_ADMIN_PASSWORD must not contain commas (exclude ',' when generating the secret)" ;;
    ' '*|*' ') die "SR_ADMIN_PASSWORD must not start or end with a space" ;;
  esac
  roles=${SR_BASIC_AUTH_ROLES:-admin}
  printf '%s' "$roles" | grep -Eq '^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*$' \
    || die "SR_BASIC_AUTH_ROLES='$roles' must be a comma-separated list of role names (letters, digits, _ and -)"
  realm=${SR_BASIC_AUTH_REALM:-SchemaRegistry-Props}
  printf '%s' "$realm" | grep -Eq '^[A-Za-z0-9_.-]+$' \
    || die "SR_BASIC_AUTH_REALM='$realm' may only contain letters, digits and . _ -"
  class=$(login_module_class)

  password_file=$SECRETS_DIR/password.properties
  password=$(printf '%s' "$SR_ADMIN_PASSWORD" | sed -e 's/\\/\\\\/g')
  printf '%s: %s,%s\n' "$SR_ADMIN_USERNAME" "$password" "$roles" | write_private "$password_file"
  jaas_add_section "$realm {
  $class required
  file=\"$password_file\"
  debug=\"false\";
};"

  SCHEMA_REGISTRY_AUTHENTICATION_METHOD=BASIC
  SCHEMA_REGISTRY_AUTHENTICATION_REALM=$realm
  SCHEMA_REGISTRY_AUTHENTICATION_ROLES=$roles
  # GET / stays open so load-balancer and container health checks need no credentials. The value
  # is the list [""]: Jetty's empty path spec matches exactly the root. "/" would not do it: it is
  # Jetty's default spec, which loses to the "/*" constraint rest-utils puts on every path.
  SCHEMA_REGISTRY_AUTHENTICATION_SKIP_PATHS=,
  export SCHEMA_REGISTRY_AUTHENTICATION_METHOD SCHEMA_REGISTRY_AUTHENTICATION_REALM \
    SCHEMA_REGISTRY_AUTHENTICATION_ROLES SCHEMA_REGISTRY_AUTHENTICATION_SKIP_PATHS
  log "basic auth: on (realm $realm, roles $roles, $class)"
}
