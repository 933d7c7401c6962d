// Every officer's own account: profile, password change (also the forced one after a reset) and
// the TOTP second factor (setup with QR code, confirm, disable).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, TenantParams } from '../../../contracts/common.ts';
import { PasswordChangeRequest, Profile, TotpCodeRequest, TotpSetup } from '../../../contracts/officers.ts';
import type { AppContext } from '../../platform/context.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { changeOwnPassword, getProfile } from './profile.ts';
import { confirmTotp, disableTotp, startTotpSetup } from './totp-enrolment.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };

export function profileRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Guessing a current password or TOTP code through a stolen session stays slow.
    const limited = rateLimited(ctx.config, 'officerAccount');
    officerOnly(app, ctx);
    const base = '/api/v1/:tenant/operator/me';

    app.get(
      base,
      {
        config: { beforePasswordChange: true },
        schema: { tags: ['operator'], summary: "The signed-in officer's account", params: TenantParams, response: { 200: Profile, ...authErrors } },
      },
      async (req) => getProfile(ctx, req.operator),
    );

    app.post(
      `${base}/password`,
      {
        config: { beforePasswordChange: true, ...limited },
        schema: {
          tags: ['operator'],
          summary: 'Change one’s password (current + new); ends the other sessions',
          params: TenantParams,
          body: PasswordChangeRequest,
          response: { 204: Type.Null(), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        await changeOwnPassword(ctx, req.operator, req.body.currentPassword, req.body.newPassword);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/totp/setup`,
      {
        config: limited,
        schema: {
          tags: ['operator'],
          summary: 'Start enrolling an authenticator app: a new secret, its otpauth URI and QR code',
          params: TenantParams,
          response: { 200: TotpSetup, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => reply.header('cache-control', 'no-store').send(await startTotpSetup(ctx, req.operator, req.tenant.name)),
    );

    app.post(
      `${base}/totp/confirm`,
      {
        config: limited,
        schema: {
          tags: ['operator'],
          summary: 'Finish enrolling with a code from the app: the second factor is on',
          params: TenantParams,
          body: TotpCodeRequest,
          response: { 204: Type.Null(), 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        await confirmTotp(ctx, req.operator, req.body.code);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/totp/disable`,
      {
        config: limited,
        schema: {
          tags: ['operator'],
          summary: 'Turn the second factor off with a current code',
          params: TenantParams,
          body: TotpCodeRequest,
          response: { 204: Type.Null(), 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        await disableTotp(ctx, req.operator, req.body.code);
        return reply.status(204).send(null);
      },
    );
  };
}
