import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { argDefaults, readInstructions, runBody, type Instruction } from './support/dockerfile';
import { contract } from './support/fixtures';
import { ENTRYPOINT_PARTS_DIR, IMAGE_DIR } from './support/paths';

const instructions = readInstructions();
const args = argDefaults(instructions);
const of = (keyword: string): Instruction[] => instructions.filter((i) => i.keyword === keyword);
const SEMVER = /^\d+\.\d+\.\d+$/;

const tempRoots: string[] = [];
afterAll(() => tempRoots.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/**
 * Runs a RUN body from the Dockerfile with `sh -c`, with the image's absolute paths moved under a
 * temp root and a `curl` stub on PATH that serves `jarBytes` and records the URL it was given.
 */
function runBuildStep(
  body: string,
  env: Record<string, string>,
  setUp: (root: string) => void,
  jarBytes = Buffer.from('not really a jar'),
): { status: number; stderr: string; root: string; curlUrls: string[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-dockerfile-'));
  tempRoots.push(root);
  fs.mkdirSync(path.join(root, 'tmp'));
  fs.mkdirSync(path.join(root, 'bin'));
  fs.writeFileSync(path.join(root, 'fixture.jar'), jarBytes);
  fs.writeFileSync(
    path.join(root, 'bin', 'curl'),
    [
      '#!/bin/sh',
      'out=""; url=""',
      'while [ $# -gt 0 ]; do case $1 in -o) out=$2; shift 2 ;; --retry) shift 2 ;; -*) shift ;; *) url=$1; shift ;; esac; done',
      `echo "$url" >> '${root}/curl-urls'`,
      `cp '${root}/fixture.jar' "$out"`,
    ].join('\n'),
    { mode: 0o755 },
  );
  setUp(root);
  // One pass, so the temp root (itself under /tmp) is not rewritten again.
  const script = body.replace(/\/(?:usr\/share\/java|tmp)\//g, (dir) => `${root}${dir}`);
  const result = spawnSync('sh', ['-c', script], {
    env: { PATH: `${root}/bin:${process.env.PATH}`, ...env },
    encoding: 'utf8',
  });
  const urlsFile = path.join(root, 'curl-urls');
  const curlUrls = fs.existsSync(urlsFile) ? fs.readFileSync(urlsFile, 'utf8').trim().split('\n') : [];
  return { status: result.status ?? -1, stderr: result.stderr, root, curlUrls };
}

describe('Dockerfile', () => {
  test('builds FROM the cp-schema-registry image at a pinned CP_VERSION', () => {
    const from = of('FROM');
    expect(from).toHaveLength(1);
    expect(from[0].args).toBe('confluentinc/cp-schema-registry:${CP_VERSION}');
    const cpArg = instructions.find((i) => i.keyword === 'ARG' && i.args.startsWith('CP_VERSION='));
    expect(cpArg!.index).toBeLessThan(from[0].index);
    expect(args.get('CP_VERSION')).toMatch(SEMVER);
  });

  test('tells the entrypoint the Confluent version', () => {
    // CP_VERSION must be re-declared after FROM to be visible to ENV.
    expect(instructions.some((i) => i.keyword === 'ARG' && i.args === 'CP_VERSION' && i.index > of('FROM')[0].index)).toBe(true);
    expect(of('ENV').map((i) => i.args)).toContain('SR_CP_VERSION=${CP_VERSION}');
  });

  test('pins the aws-msk-iam-auth version and requires its checksum (no made-up default)', () => {
    expect(args.get('MSK_IAM_AUTH_VERSION')).toMatch(SEMVER);
    const sha = args.get('MSK_IAM_AUTH_SHA256');
    expect(sha === undefined || /^[0-9a-f]{64}$/.test(sha)).toBe(true);
    expect(args.get('MSK_IAM_AUTH_URL')).toBe(
      'https://github.com/aws/aws-msk-iam-auth/releases/download/v${MSK_IAM_AUTH_VERSION}/aws-msk-iam-auth-${MSK_IAM_AUTH_VERSION}-all.jar',
    );
  });

  test('declares every build arg named in env-contract.json (what the CDK asset passes)', () => {
    const { cpVersion, mskIamAuthVersion, mskIamAuthSha256 } = contract.imageBuildArgs;
    for (const name of [cpVersion, mskIamAuthVersion, mskIamAuthSha256]) expect(args.has(name)).toBe(true);
  });

  describe('MSK IAM jar step (run with a curl stub)', () => {
    const body = runBody(instructions, 'MSK_IAM_AUTH_SHA256');
    const version = args.get('MSK_IAM_AUTH_VERSION')!;
    const jar = Buffer.from('PK\u0003\u0004 pretend jar');
    const sha = createHash('sha256').update(jar).digest('hex');
    const url = args.get('MSK_IAM_AUTH_URL')!.replaceAll('${MSK_IAM_AUTH_VERSION}', version);
    /** Image layout of the newer cp images: cp-base-new is a symlink to cp-base-java. */
    const imageLayout = (root: string) => {
      fs.mkdirSync(path.join(root, 'usr/share/java/schema-registry'), { recursive: true });
      fs.mkdirSync(path.join(root, 'usr/share/java/cp-base-java'));
      fs.symlinkSync('cp-base-java', path.join(root, 'usr/share/java/cp-base-new'));
    };
    const jarName = `aws-msk-iam-auth-${version}-all.jar`;

    test('with the right checksum the jar lands on the server and the pre-flight classpaths', () => {
      const run = runBuildStep(body, { MSK_IAM_AUTH_VERSION: version, MSK_IAM_AUTH_SHA256: sha, MSK_IAM_AUTH_URL: url }, imageLayout, jar);

      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.curlUrls).toEqual([url]);
      for (const dir of ['schema-registry', 'cp-base-java']) {
        expect(fs.readFileSync(path.join(run.root, 'usr/share/java', dir, jarName))).toEqual(jar);
      }
      expect(fs.readdirSync(path.join(run.root, 'tmp'))).toEqual([]);
    });

    test('a checksum mismatch fails the build and installs nothing', () => {
      const run = runBuildStep(
        body,
        { MSK_IAM_AUTH_VERSION: version, MSK_IAM_AUTH_SHA256: '0'.repeat(64), MSK_IAM_AUTH_URL: url },
        imageLayout,
        jar,
      );

      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/FAILED|did NOT match/);
      expect(fs.existsSync(path.join(run.root, 'usr/share/java/schema-registry', jarName))).toBe(false);
    });

    test('a missing checksum fails before downloading, naming the build arg', () => {
      const run = runBuildStep(body, { MSK_IAM_AUTH_VERSION: version, MSK_IAM_AUTH_URL: url }, imageLayout, jar);

      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain('build arg MSK_IAM_AUTH_SHA256 is required');
      expect(run.curlUrls).toEqual([]);
    });

    test('a base image without the pre-flight classpath directory fails loudly', () => {
      const run = runBuildStep(
        body,
        { MSK_IAM_AUTH_VERSION: version, MSK_IAM_AUTH_SHA256: sha, MSK_IAM_AUTH_URL: url },
        (root) => fs.mkdirSync(path.join(root, 'usr/share/java/schema-registry'), { recursive: true }),
        jar,
      );

      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain('cp-base-new not found in the base image');
    });
  });

  describe('plugins step', () => {
    const copy = of('COPY').find((i) => i.args.startsWith('plugins/'));
    const body = runBody(instructions, '/tmp/sr-plugins');
    const withPlugins = (files: string[]) => (root: string) => {
      fs.mkdirSync(path.join(root, 'tmp/sr-plugins'), { recursive: true });
      for (const f of files) fs.writeFileSync(path.join(root, 'tmp/sr-plugins', f), f);
    };

    test('copies the whole plugins folder into the build', () => {
      expect(copy?.args).toBe('plugins/ /tmp/sr-plugins/');
      expect(fs.existsSync(path.join(IMAGE_DIR, 'plugins/.gitkeep'))).toBe(true);
    });

    test('an empty folder (only .gitkeep and README) builds the stock classpath', () => {
      const run = runBuildStep(body, {}, withPlugins(['.gitkeep', 'README.md']));

      expect(run.status).toBe(0);
      expect(fs.readdirSync(path.join(run.root, 'usr/share/java/schema-registry-plugins'))).toEqual([]);
      expect(fs.existsSync(path.join(run.root, 'tmp/sr-plugins'))).toBe(false);
    });

    test('every *.jar, and nothing else, goes onto the plugins classpath', () => {
      const run = runBuildStep(body, {}, withPlugins(['.gitkeep', 'README.md', 'rules-1.0.jar', 'my serde.jar']));

      expect(run.status).toBe(0);
      expect(fs.readdirSync(path.join(run.root, 'usr/share/java/schema-registry-plugins')).sort()).toEqual([
        'my serde.jar',
        'rules-1.0.jar',
      ]);
    });
  });

  test('runs as the non-root appuser after the last root step', () => {
    const users = of('USER');
    const last = users[users.length - 1];
    expect(last.args).toBe('appuser');
    expect(of('RUN').every((run) => run.index < last.index)).toBe(true);
    expect(users[0].args).toBe('root');
  });

  test('creates the secrets directory the entrypoint writes to, owned by appuser', () => {
    const common = fs.readFileSync(path.join(ENTRYPOINT_PARTS_DIR, 'common.sh'), 'utf8');
    const defaultDir = /SR_CONFIG_DIR:-([^}]+)\}/.exec(common)![1];
    expect(
      of('RUN')
        .map((i) => i.args)
        .join('\n'),
    ).toContain(`install -d -m 0700 -o appuser ${defaultDir}`);
  });

  test('copies the entrypoint and its parts together and uses it as ENTRYPOINT', () => {
    const copies = of('COPY').map((i) => i.args);
    expect(copies).toContain('--chmod=0755 entrypoint.sh /usr/local/lib/sr-entrypoint/entrypoint.sh');
    // entrypoint.sh sources $(dirname "$0")/entrypoint.d/*.sh.
    expect(copies).toContain('--chmod=0755 entrypoint.d/ /usr/local/lib/sr-entrypoint/entrypoint.d/');
    expect(of('ENTRYPOINT').map((i) => i.args)).toEqual(['["/usr/local/lib/sr-entrypoint/entrypoint.sh"]']);
    expect(of('CMD')).toEqual([]);
  });

  describe('read-only root filesystem', () => {
    test('declares exactly the writable volumes of the task definition, after every build step', () => {
      const volumes = of('VOLUME');
      expect(volumes).toHaveLength(1);
      expect(JSON.parse(volumes[0].args)).toEqual(Object.values(contract.writableVolumes));
      // Fargate copies the image content and owner of a VOLUME path into the task volume mounted there.
      expect(instructions.filter((i) => ['RUN', 'COPY', 'ADD'].includes(i.keyword)).every((i) => i.index < volumes[0].index)).toBe(true);
    });

    test('the launcher log directory belongs to appuser', () => {
      expect(
        of('RUN')
          .map((i) => i.args)
          .join('\n'),
      ).toContain(`install -d -m 0755 -o appuser ${contract.writableVolumes.logs}`);
    });
  });

  describe('image user check (run with an id stub)', () => {
    const body = runBody(instructions, 'id -u appuser');
    const idStub = (uid: number, gid: number) => (root: string) =>
      fs.writeFileSync(
        path.join(root, 'bin', 'id'),
        `#!/bin/sh\n[ "$2" = appuser ] || exit 64\ncase $1 in -u) echo ${uid} ;; -g) echo ${gid} ;; *) exit 64 ;; esac\n`,
        { mode: 0o755 },
      );

    test('passes when appuser is the runAsUser of env-contract.json', () => {
      const [uid, gid] = contract.runAsUser.split(':').map(Number);
      const run = runBuildStep(body, {}, idStub(uid, gid));

      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    });

    test('stops the build when the base image moves appuser', () => {
      const run = runBuildStep(body, {}, idStub(1001, 1001));

      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(`appuser is 1001:1001 in the base image, but the task definition runs as ${contract.runAsUser}`);
    });
  });

  test('has a HEALTHCHECK on GET / with curl', () => {
    const [healthcheck] = of('HEALTHCHECK');
    expect(healthcheck.args).toMatch(/CMD curl -fsS -o \/dev\/null http:\/\/localhost:8081\/ \|\| exit 1$/);
  });

  test('carries OCI labels', () => {
    const labels = of('LABEL')
      .map((i) => i.args)
      .join(' ');
    for (const key of ['title', 'description', 'version', 'licenses', 'base.name']) {
      expect(labels).toContain(`org.opencontainers.image.${key}=`);
    }
  });

  test('bakes no secret into the image', () => {
    const secretLike = /PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE|ACCESS_KEY|USERNAME/i;
    const names = [...of('ENV'), ...of('ARG')].map((i) => i.args.split('=')[0]);
    expect(names.filter((n) => secretLike.test(n))).toEqual([]);
    expect(of('COPY').filter((i) => /secret|password|\.pem|\.key|jaas/i.test(i.args))).toEqual([]);
  });

  test('.dockerignore keeps the build context to what the Dockerfile copies', () => {
    const ignore = fs.readFileSync(path.join(IMAGE_DIR, '.dockerignore'), 'utf8').split('\n');
    expect(ignore).toEqual(
      expect.arrayContaining(['*', '!Dockerfile', '!entrypoint.sh', '!entrypoint.d/', '!entrypoint.d/*.sh', '!plugins/', '!plugins/**']),
    );
  });
});
