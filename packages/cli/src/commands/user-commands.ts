// user create | disable | enable | list.
import { ConflictError, ORGANISATION_KINDS, ROLES, checkPasswordPolicy } from '@comity/core';
import { findOrganisationByName, findUserByEmail, listOrganisations, listUsers } from '@comity/db';
import { createOrganisation, createUser, setUserDisabled } from '@comity/server';
import type { Command } from 'commander';
import { CliFailure, type CliIo, UsageError } from '../cli-io.ts';
import { withStore } from './store.ts';

const CLI_WHO = { actor: null, requestId: 'cli' };

export function registerUserCommands(program: Command, io: CliIo): void {
  const user = program.command('user').description('Manage user accounts on this node');

  user
    .command('create')
    .description('Create a user, and the organisation when it does not exist yet')
    .requiredOption('--org <name>', 'organisation name')
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--name <name>', 'display name (default: the part of the e-mail before @)')
    .option('--country <alpha3>', 'State of a new organisation (ISO 3166 alpha-3)')
    .option('--kind <kind>', `kind of a new organisation: ${ORGANISATION_KINDS.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input')
    .option('--must-change-password', 'ask for a new password at first sign-in')
    .action(
      async (opts: { org: string; email: string; role: string; name?: string; country?: string; kind?: string; passwordStdin?: boolean; mustChangePassword?: boolean }) => {
        if (!(ROLES as readonly string[]).includes(opts.role)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`);
        if (!opts.passwordStdin) throw new UsageError('give the password on standard input with --password-stdin');
        const password = (await io.readStdin()).replace(/\r?\n$/, '');
        if (!password) throw new UsageError('standard input was empty; --password-stdin expects the password there');
        // Checked before anything is written, so a weak password leaves no half-made organisation.
        checkPasswordPolicy(password, opts.email.trim().toLowerCase());
        await withStore(io, 'user create', async (store) => {
          // Refused before the organisation is made, so a taken e-mail leaves nothing behind.
          const email = opts.email.trim().toLowerCase();
          if (await findUserByEmail(store.deps.db, email)) throw new ConflictError('user_exists', `A user with e-mail ${email} already exists.`);
          let org = await findOrganisationByName(store.deps.db, opts.org);
          if (!org) {
            if (!opts.country || !opts.kind) throw new UsageError(`organisation "${opts.org}" does not exist; give --country and --kind to create it`);
            org = await createOrganisation(store.deps, CLI_WHO, { name: opts.org, country: opts.country, kind: opts.kind });
            io.out(`Created organisation "${org.name}" (${org.country}, ${org.kind}).`);
          }
          const created = await createUser(store.deps, CLI_WHO, {
            email: opts.email,
            name: opts.name ?? opts.email.split('@')[0] ?? opts.email,
            role: opts.role,
            organisationId: org.id,
            password,
            mustChangePassword: opts.mustChangePassword ?? false,
          });
          io.out(`Created user ${created.email} (${created.role}) in "${org.name}".`);
        });
      },
    );

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(name)
      .description(disabled ? 'Disable a user (ends their sessions)' : 'Re-enable a disabled user')
      .argument('<email>', 'the user’s e-mail')
      .action(async (email: string) => {
        await withStore(io, `user ${name}`, async (store) => {
          const found = await findUserByEmail(store.deps.db, email);
          if (!found) throw new CliFailure(`error: no user with e-mail ${email}`);
          await setUserDisabled(store.deps, CLI_WHO, found.id, disabled);
          io.out(`${disabled ? 'Disabled' : 'Re-enabled'} ${found.email}.`);
        });
      });
  }

  user
    .command('list')
    .description('List users')
    .option('--org <name>', 'only this organisation')
    .option('--json', 'print JSON')
    .action(async (opts: { org?: string; json?: boolean }) => {
      await withStore(io, 'user list', async (store) => {
        const orgs = await listOrganisations(store.deps.db);
        const byId = new Map(orgs.map((o) => [o.id, o]));
        let organisationId: string | undefined;
        if (opts.org) {
          const org = orgs.find((o) => o.name.toLowerCase() === opts.org!.toLowerCase());
          if (!org) throw new CliFailure(`error: no organisation named "${opts.org}"`);
          organisationId = org.id;
        }
        const users = await listUsers(store.deps.db, { organisationId });
        if (opts.json) {
          io.out(
            JSON.stringify(
              users.map((u) => ({ email: u.email, name: u.name, role: u.role, organisation: byId.get(u.organisation_id)?.name ?? null, disabled: u.disabled })),
            ),
          );
          return;
        }
        const rows = users.map((u) => [u.email, u.role, byId.get(u.organisation_id)?.name ?? '?', u.disabled ? 'disabled' : 'active']);
        const head = ['E-MAIL', 'ROLE', 'ORGANISATION', 'STATUS'];
        const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
        for (const r of [head, ...rows]) io.out(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
      });
    });
}
