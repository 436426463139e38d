// GENERATED FILE, do not edit. Written by `npm run openapi:sync` with openapi-typescript from
// packages/contract/openapi.json, the document the server serves at /api/openapi.json.
export interface paths {
    "/api/v1/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password */
        post: operations["postAccountPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My profile: the name, title and signature block printed on letters I approve */
        get: operations["getAccountProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my display name, title or signature block (audited) */
        patch: operations["patchAccountProfile"];
        trace?: never;
    };
    "/api/v1/account/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My personal API tokens */
        get: operations["getAccountTokens"];
        put?: never;
        /** Create a personal API token */
        post: operations["postAccountTokens"];
        /** Revoke all my personal API tokens */
        delete: operations["deleteAccountTokens"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a personal API token */
        delete: operations["deleteAccountTokensById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit entries, newest first (admin) */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signed checkpoints of the audit log, newest first, with co-signatures (admin) */
        get: operations["getAuditCheckpoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/checkpoints/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest signed checkpoint (admin) */
        get: operations["getAuditCheckpointsLatest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/proofs/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 9162 consistency proof between two signed checkpoints (admin) */
        get: operations["getAuditProofsConsistency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/proofs/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An entry's RFC 9162 inclusion proof against a signed checkpoint (admin) */
        get: operations["getAuditProofsInclusion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/receipts/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sent message's receipt with the receiver's audit inclusion proof, checked again now against the receiver's signed checkpoint (admin) */
        get: operations["getAuditReceiptsByMessageId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the audit log: entries, tree, signed checkpoints, anchor (and, with peers=true, the checkpoints peers witnessed) */
        get: operations["getAuditVerify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Directory of requested authorities, each with its source
         * @description Combines central authorities designated in treaty declarations (with instrument and article), central authorities declared by a State’s own node in its signed facts, authorities on trusted peer nodes, and authorities added by an administrator. A designation whose declaration does not name the authority plainly has name null and selectable false; read declarationText.
         */
        get: operations["getAuthorities"];
        put?: never;
        /** Add an authority without a node to the directory */
        post: operations["postAuthorities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an authority an administrator added (requests addressed to it keep its name) */
        delete: operations["deleteAuthoritiesById"];
        options?: never;
        head?: never;
        /** Change an authority an administrator added (send the version you edited) */
        patch: operations["patchAuthoritiesById"];
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the cases you may see (filters: status, offence, my cases; search in reference and title)
         * @description Supervisors see every case of their organisation, other users the cases of their teams; node administrators see every organisation’s, withheld where the marking keeps them out.
         */
        get: operations["getCases"];
        put?: never;
        /** Open a case (you lead its team) */
        post: operations["postCases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case with its team, linked requests and what you may do */
        get: operations["getCasesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit, close or reopen a case (its lead or a supervisor; optimistic locking: send the version you edited) */
        patch: operations["patchCasesById"];
        trace?: never;
    };
    "/api/v1/cases/{id}/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The entities of a case (filters: schema, entities or links, part of the name) */
        get: operations["getCasesByIdEntities"];
        put?: never;
        /** Add an FtM entity or link to a case (its team and supervisors) */
        post: operations["postCasesByIdEntities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/entities/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The entities of a case as FtM JSON lines (application/x-ndjson)
         * @description The release policy decides the export of every entity first; one it refuses refuses the export (403 `policy_denied`).
         */
        get: operations["getCasesByIdEntitiesExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/entities/graph": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The link graph of a case (the most linked entities first, at most `limit`) */
        get: operations["getCasesByIdEntitiesGraph"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/entities/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import FtM JSON lines, or CSV with a column mapping, into a case (all or nothing)
         * @description Every line is checked against the FtM model first; when any is wrong the answer is 400 `import_rejected` with `lines: [{ line, id, problems }]` and nothing is stored. Entities whose id the case already holds are replaced.
         */
        post: operations["postCasesByIdEntitiesImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/member-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users of the case’s organisation who can join its team (for its lead and the supervisors) */
        get: operations["getCasesByIdMemberCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a user of the organisation to the team, or change its team role */
        post: operations["postCasesByIdMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member from the team (a case keeps at least one lead)
         * @description Answers the case, or 204 when you removed yourself and no longer read it.
         */
        delete: operations["deleteCasesByIdMembersByUserId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link a request (outgoing or incoming) of the organisation to the case */
        post: operations["postCasesByIdRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a request from the case */
        delete: operations["deleteCasesByIdRequestsByRequestId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consents my organisation asked for or was asked */
        get: operations["getConsents"];
        put?: never;
        /**
         * Ask the originator of a record for a use outside its limitations
         * @description Recorded as awaiting-approval: a supervisor other than you approves (POST /api/v1/consents/{id}/approve) before it is sent to the originator.
         */
        post: operations["postConsents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One consent */
        get: operations["getConsentsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consents/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * As originator, propose the answer (granted, refused, granted with conditions)
         * @description A supervisor other than you approves it before it is sent back.
         */
        post: operations["postConsentsByIdAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consents/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a question before it is sent, or an answer before it goes back (four eyes) */
        post: operations["postConsentsByIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/counterparts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Other authorities on this node that a request can be addressed to */
        get: operations["getCounterparts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/countries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** States (and the EU) with names in the six UN languages */
        get: operations["getCountries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/countries/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Country profile: instruments by status and declarations that matter for cooperation */
        get: operations["getCountriesByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cultural-property": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search your organisation’s records (words in every field, legal status, type of object) */
        get: operations["getCulturalProperty"];
        put?: never;
        /** Record a stolen or illicitly exported cultural object */
        post: operations["postCulturalProperty"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cultural-property/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Public check (no sign-in): describe an object and/or send a photo (kept only if you tick keepPhoto); answers possible matches among the public records and a signed receipt
         * @description Privacy: the photo is used for this check only and is not kept, unless you send `keepPhoto: true` to leave it with the registry’s investigators (then it is kept with the check’s log entry and the receipt says so); the receipt and the registry’s log hold its SHA-256 digest and that of the text, and who asked only if you say so in `requester`. Rate limited per address. No match does not mean not stolen.
         */
        post: operations["postCulturalPropertyCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cultural-property/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Log of public checks, newest first: for node administrators every check, for investigators the checks that matched a record of their organisation
         * @description What was asked (the text fields filled in and digests of the text and the photo; whether the photo was kept), who asked as far as the person said, the outcome with the matched records the caller may see, and the digest of the receipt. Each reading is audited.
         */
        get: operations["getCulturalPropertyChecks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cultural-property/checks/{checkId}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The photo a person left with a public check (only if they agreed): for node administrators and for investigators of an organisation whose record the check matched; 404 otherwise */
        get: operations["getCulturalPropertyChecksByCheckIdPhoto"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cultural-property/federation/peers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The peers, whether this node publishes its public records to each, and how many records went each way */
        get: operations["getCulturalPropertyFederationPeers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cultural-property/federation/peers/{nodeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Publish this node’s public records to a peer (every TLP:CLEAR record the release policy lets go to it, then every change), or stop (what was sent is withdrawn) */
        put: operations["putCulturalPropertyFederationPeersByNodeId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cultural-property/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import records from CSV (text/csv) or XLSX (its first sheet); every problem is reported by line and column and nothing is stored unless every row is good
         * @description The same columns in both formats (header row first). For XLSX the line is the spreadsheet’s row number; dates may be date cells. Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.
         */
        post: operations["postCulturalPropertyImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cultural-property/public/images/{imageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Thumbnail of an image of a public record (no sign-in) */
        get: operations["getCulturalPropertyPublicImagesByImageId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cultural-property/receipts/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a check receipt (no sign-in): its form, its signature, and whether this node signed it */
        post: operations["postCulturalPropertyReceiptsVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cultural-property/search/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Records whose photos are near this one (nearest first); the photo is not kept */
        post: operations["postCulturalPropertySearchImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cultural-property/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cultural object record with its images */
        get: operations["getCulturalPropertyById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a record (legal status, marking, fields; send the version you edited); peers published to get the change or a withdrawal */
        patch: operations["patchCulturalPropertyById"];
        trace?: never;
    };
    "/api/v1/cultural-property/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a photo to a record (JPEG, PNG or WebP as the body); its perceptual hashes are stored for search
         * @description Too many bytes or pixels: 413 before anything is decoded. Another format or a damaged file: 400 with the reason.
         */
        post: operations["postCulturalPropertyByIdImages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cultural-property/{id}/images/{imageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An image of a record (original, or a 320-pixel JPEG thumbnail) */
        get: operations["getCulturalPropertyByIdImagesByImageId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counterpart authorities on trusted peer nodes (State, kind, accepted request types and languages); q searches name, State, kind */
        get: operations["getDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entities/person-search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Do we already hold this person? The entities of readable cases the matcher scores above the threshold, best first, with the explanation */
        post: operations["postEntitiesPersonSearch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An entity with its properties, sources, marking and mentions */
        get: operations["getEntitiesById"];
        put?: never;
        post?: never;
        /** Delete an entity and the links joining it to others */
        delete: operations["deleteEntitiesById"];
        options?: never;
        head?: never;
        /** Change an entity’s properties, marking or sources */
        patch: operations["patchEntitiesById"];
        trace?: never;
    };
    "/api/v1/entities/{id}/graph": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The neighbourhood of an entity: nodes and edges up to `hops` links away, at most `limit` nodes */
        get: operations["getEntitiesByIdGraph"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entities/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The entities linked to this one, and the links */
        get: operations["getEntitiesByIdLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entities/{id}/mentions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the entity is mentioned in a request or an evidence item */
        post: operations["postEntitiesByIdMentions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/entities/{id}/mentions/{mentionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a mention */
        delete: operations["deleteEntitiesByIdMentionsByMentionId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live updates: a server-sent event stream about the records you may read
         * @description A `text/event-stream` (server-sent events; EventSource sends the session cookie). Events: `ready` `{"heartbeatSeconds": n}` once connected; `request` `{"requestId": "<uuid>"}` when a request you may read changed (state, timeline, files, deadlines) — read it again; `case` `{"caseId": "<uuid>"}` when a case you may read changed (details, team, linked requests) — read it again; `notification` `{}` when your notifications changed (new or read) — read the unread count again; `capture` `{"captureId": "<uuid>"}` when a web capture you started progressed (a URL queued, running, captured or failed) — read it again; `end` `{"reason": "session-ended"}` just before the node closes a stream whose session or token no longer holds. A comment line is sent every heartbeat. After a reconnection, read again what you show: events are not replayed.
         */
        get: operations["getEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The evidence items of a case or a request that you may read */
        get: operations["getEvidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/capture-allowlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hosts web capture may reach although their addresses are not public (administrators) */
        get: operations["getEvidenceCaptureAllowlist"];
        /**
         * Replace the capture allowlist (administrators; audited)
         * @description Hosts as written in URLs, without scheme, port or path. An IP address allows that spelling only: 127.0.0.1 does not allow localhost.
         */
        put: operations["putEvidenceCaptureAllowlist"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/captures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The captures of a case or a request, newest first */
        get: operations["getEvidenceCaptures"];
        put?: never;
        /**
         * Capture a list of web pages as evidence for a case or a request (background job)
         * @description Each URL is checked now (http or https only; every address its host resolves to must be public unless an administrator allowlisted the host; 400 `capture_refused` lists the refused URLs and why) and queued. Each page is then captured by Chromium: a full-page screenshot, a PDF print, the HTML, a WACZ with the WARC of every request and response, and a metadata record, each stored as an evidence item. Every redirect and sub-request is checked like the first URL. Follow progress with GET /api/v1/evidence/captures/{id} and the `capture` event of /api/v1/events.
         */
        post: operations["postEvidenceCaptures"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/captures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A capture: the state of each URL, its reason when it failed, and its evidence items */
        get: operations["getEvidenceCapturesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/captures/{id}/urls/{urlId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Capture a failed URL again (409 when it has not failed) */
        post: operations["postEvidenceCapturesByIdUrlsByUrlIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/packages/{kind}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Build and download the court package (ZIP) of an item, a case or a request
         * @description A ZIP streamed as it is built: the evidence files, manifest.json (canonical JSON, RFC 8785) with every SHA-256 and SHA-512, the RFC 3161 tokens, the custody logs, the node card, the marking and use limitations; manifest.sig.json (Ed25519 by the node key); the report in the six UN languages (PDF); verifier.html, which checks the package offline in a browser. Each item gets an "exported" custody event naming the package (X-Package-Id). The SHA-256 of manifest.json is in X-Manifest-SHA256. Without Chromium (for the report): 503.
         */
        get: operations["getEvidencePackagesByKindById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/packages/{kind}/{id}/contents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the court package of an item, a case or a request would hold
         * @description The items (originals only for a case or a request) with their sizes, after the release policy allowed each to be exported as a package (403 policy_denied names the item otherwise). Nothing is recorded in the custody logs.
         */
        get: operations["getEvidencePackagesByKindByIdContents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a resumable upload (tus 1.0 creation)
         * @description Headers: Tus-Resumable: 1.0.0, Upload-Length (bytes), Upload-Metadata (tus: comma-separated "key base64(value)"): title (required), caseId or requestId (one), filename, filetype (kept as a hint, never used), description, tlp, handling, handlingNote. Over the node limit: 413 and nothing is created. Answers 201 with Location; send the bytes with PATCH.
         */
        post: operations["postEvidenceUploads"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An upload of yours: bytes received, state, the item once complete */
        get: operations["getEvidenceUploadsById"];
        put?: never;
        post?: never;
        /** Abandon an upload (its bytes are removed) */
        delete: operations["deleteEvidenceUploadsById"];
        options?: never;
        head?: never;
        /**
         * Send bytes of an upload (tus PATCH) from Upload-Offset
         * @description Content-Type: application/offset+octet-stream; Upload-Offset must equal the bytes received (409 offset_mismatch gives the right one). Answers 204 with the new Upload-Offset; with the last byte, the item is created and its id is in Comity-Evidence-Item. Bytes past Upload-Length: 413 and the upload is removed. A broken connection keeps what arrived: HEAD, then resume.
         */
        patch: operations["patchEvidenceUploadsById"];
        trace?: never;
    };
    "/api/v1/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One evidence item */
        get: operations["getEvidenceById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}/approvers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The supervisors you may ask to approve a download of a sealed item (active, of its organisation, not you) */
        get: operations["getEvidenceByIdApprovers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The content: a preview (inline, custody "viewed") or a download (attachment, custody "downloaded")
         * @description Served with the type detected from the content (types a browser could run, such as HTML or SVG, as application/octet-stream), X-Content-Type-Options: nosniff and a sandboxing Content-Security-Policy. Byte ranges are supported for video. A sealed item is downloaded only with a supervisor’s approval for you (403 sealed_needs_approval otherwise); each approval serves one download.
         */
        get: operations["getEvidenceByIdContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}/custody": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The custody log of an item, checked (links, hashes, the node’s signatures) */
        get: operations["getEvidenceByIdCustody"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}/download-approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve one download of a sealed item by another user (four eyes) */
        post: operations["postEvidenceByIdDownloadApprovals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}/download-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download requests of a sealed item that wait for their approver */
        get: operations["getEvidenceByIdDownloadRequests"];
        put?: never;
        /** Ask a supervisor you pick to approve one download of a sealed item (custody "download-requested", a notification to them) */
        post: operations["postEvidenceByIdDownloadRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift the seal of an item */
        post: operations["postEvidenceByIdRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}/seal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seal an evidentiary original: downloads then need a supervisor’s approval */
        post: operations["postEvidenceByIdSeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}/timestamps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An item's RFC 3161 time-stamps, each token checked again now
         * @description One entry per configured time-stamp authority: pending (not answered yet, asked again with back-off), granted (the token, its time and serial, and whether it verifies now against the item's SHA-256 and the configured roots) or failed (the reason).
         */
        get: operations["getEvidenceByIdTimestamps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The transfers of an item: sent from this node, and the one it arrived by */
        get: operations["getEvidenceByIdTransfers"];
        put?: never;
        /**
         * Send the item to the counterpart node of its request (with the request, or with the answer)
         * @description The item leaves with its hashes, time-stamp tokens, custody log and the combined limitations of its marking and its request; the release policy decides whether it may go to that node (403 policy_denied otherwise). An item of a case travels with one of the case’s linked requests (`requestId`; 409 request_required without it, item_not_on_request when the request is not linked to the case). 409 no_counterpart_node when the request is not exchanged with a peer node. The transfer is then followed on GET /api/v1/evidence/{id}/transfers.
         */
        post: operations["postEvidenceByIdTransfers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evidence/{id}/working-copies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a working copy for analysis (the original stays read-only) */
        post: operations["postEvidenceByIdWorkingCopies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/federation/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages sent to and received from peer nodes (state, attempts, receipts); failed ones say why */
        get: operations["getFederationMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/federation/messages/{messageId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed message again (with the failed messages after it in its conversation) */
        post: operations["postFederationMessagesByMessageIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/federation/messages/{messageId}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give up a failed message so that its conversation goes on without it (the peer sees a gap in the sequence); the reason is audited */
        post: operations["postFederationMessagesByMessageIdSkip"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/federation/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a note to the authority on a peer node (signed, encrypted, delivered in order) */
        post: operations["postFederationNotes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/federation/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What this node’s card says about it */
        get: operations["getFederationProfile"];
        /** Choose the authority (organisation) the card names, the public endpoint, accepted request types and languages; peers are sent the new card */
        put: operations["putFederationProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hit inbox: your records that may match a record of a peer authority */
        get: operations["getHits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hits/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What this node offers each peer for hit/no-hit, with limits and suspensions */
        get: operations["getHitsOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hits/offers/{nodeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set what this node offers a peer (entity types, strictest case TLP, hourly limits); `resume` lifts a suspension */
        put: operations["putHitsOffersByNodeId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hits/queries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Queries sent (and, for administrators, received) with their progress */
        get: operations["getHitsQueries"];
        put?: never;
        /** Check a case’s identifiers with peers (private set intersection; nothing in clear leaves the node) */
        post: operations["postHitsQueries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One hit of your cases (404 unless you see it in your inbox) */
        get: operations["getHitsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hits/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline to reveal anything about a hit (the peer is told it was declined) */
        post: operations["postHitsByIdDecline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hits/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal your case reference and a contact to the peer of a hit (the owner’s consent) */
        post: operations["postHitsByIdReveal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Maritime incidents you may see, newest first */
        get: operations["getIncidents"];
        put?: never;
        /** Record a maritime incident (piracy, armed robbery at sea, boarding, hijacking, kidnapping of crew) */
        post: operations["postIncidents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import maritime incidents from CSV or XLSX (base64) with a column mapping; `dryRun` answers the report and the guessed mapping without storing
         * @description One row per incident. When any row has a problem nothing is stored: 400 `import_rejected` with `problems` (row, column, field, code, params); a value outside a list names the accepted values.
         */
        post: operations["postIncidentsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Maritime incidents you may see as GeoJSON points, newest first up to `limit` (kind, time, country, bounding box) */
        get: operations["getIncidentsMap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A maritime incident */
        get: operations["getIncidentsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a maritime incident (send the version you edited) */
        patch: operations["patchIncidentsById"];
        trace?: never;
    };
    "/api/v1/incidents/{id}/peer-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Backtracking across nodes: check this maritime incident’s shared elements with peers (hit/no-hit)
         * @description Sends the record’s shared elements that are entities of its case (its parties with their phones, accounts and names with dates of birth, and the case’s vessels with its IMO number) to every active peer as blinded or keyed encodings, never in clear; hits appear in the hit inbox and under `peer-hits`. 400 `no_case` or `no_shared_entities` when there is nothing to check.
         */
        post: operations["postIncidentsByIdPeerCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/peer-hits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hits from peers on this maritime incident’s shared elements (as in your hit inbox) */
        get: operations["getIncidentsByIdPeerHits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/related": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Backtracking: records related to this maritime incident
         * @description The other seizures and maritime incidents, of every crime domain, within `windowDays` of this record that share a vessel (IMO), company, person, phone or account, route segment or port with it; each names the shared elements. Only records the caller may read are listed. Other nodes are asked through hit/no-hit (`peer-check`).
         */
        get: operations["getIncidentsByIdRelated"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instruments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Instruments in the knowledge base, with party counts */
        get: operations["getInstruments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instruments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One instrument: articles, parties with status facts, reservations; ?version= for an earlier import */
        get: operations["getInstrumentsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Curated facts that a newer import contradicts (admin) */
        get: operations["getKnowledgeConflicts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/curations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Curated facts (admin) */
        get: operations["getKnowledgeCurations"];
        put?: never;
        /** Add or correct a participation, add a bilateral treaty, or set a reservation’s effect (admin) */
        post: operations["postKnowledgeCurations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/curations/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Keep a curated fact that a newer import contradicts: it now rests on the current version (admin) */
        post: operations["postKnowledgeCurationsByIdConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/curations/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a curated fact: the imported data applies again (admin) */
        post: operations["postKnowledgeCurationsByIdWithdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Facts declared by States’ own nodes that this node uses, with their provenance
         * @description This node’s own published facts and those its trusted peers published, each "declared by <authority>, node <id>, signed on <date>".
         */
        get: operations["getKnowledgeFacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/facts/disagreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where declared facts disagree with the depositary data (admin) */
        get: operations["getKnowledgeFactsDisagreements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/facts/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save the draft of the facts this node declares about its own State (admin)
         * @description Treaties must have this node’s State among their parties (facts_for_other_state otherwise). Saving a submitted draft sends it back to draft: it must be submitted again.
         */
        put: operations["putKnowledgeFactsDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/facts/draft/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve and publish the submitted facts: signed by the node key and sent to every trusted peer (admin or supervisor; not the editor or submitter) */
        post: operations["postKnowledgeFactsDraftApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/facts/draft/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit the draft for approval by a second person (admin) */
        post: operations["postKnowledgeFactsDraftSubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/facts/own": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This node’s declared facts: the draft, the published version and which peers received it */
        get: operations["getKnowledgeFactsOwn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a depositary file (UNTC MTDSG XML or Council of Europe JSON) as a new version (admin)
         * @description All or nothing: a malformed file is refused naming the file and the line (code malformed_depositary_file) and changes nothing. A snapshot older than the current data needs force=true (else 409 older_snapshot).
         */
        post: operations["postKnowledgeImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Knowledge versions (imports), newest first */
        get: operations["getKnowledgeVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/legal-basis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Legal bases between two States for an offence and a kind of cooperation
         * @description Bases are sorted most specific first (bilateral, regional, crime-specific universal, general universal). Not-applicable entries appear only with all=true. Unknown countries, offences or types give 400 with `suggestions`.
         */
        get: operations["getLegalBasis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/node": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This node: id and key fingerprints */
        get: operations["getNode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications, newest first */
        get: operations["getNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notification read */
        post: operations["postNotificationsByIdRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisations I may see */
        get: operations["getOrganisations"];
        put?: never;
        /** Create an organisation (admin) */
        post: operations["postOrganisations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organisation */
        get: operations["getOrganisationsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename or correct an organisation (admin) */
        patch: operations["patchOrganisationsById"];
        trace?: never;
    };
    "/api/v1/peers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Peer nodes this node trusts, suspended or revoked */
        get: operations["getPeers"];
        put?: never;
        /** Trust a peer node: import its card with the fingerprint confirmed out of band (a known peer’s new card updates it) */
        post: operations["postPeers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/peers/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a node card and show its fingerprint (changes nothing) */
        post: operations["postPeersPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/peers/{nodeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One peer */
        get: operations["getPeersByNodeId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/peers/{nodeId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a suspended peer */
        post: operations["postPeersByNodeIdResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/peers/{nodeId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a peer for good: its messages are refused and queued messages to it fail */
        post: operations["postPeersByNodeIdRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/peers/{nodeId}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend a peer: its messages are refused and nothing is sent to it until resumed */
        post: operations["postPeersByNodeIdSuspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/denials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Denied attempts per user (from the audit trail) */
        get: operations["getPolicyDenials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List requests (filters, search, the approval queue) */
        get: operations["getRequests"];
        put?: never;
        /** Draft a new request */
        post: operations["postRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the completeness of a request that is not saved */
        post: operations["postRequestsCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/refusal-grounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Refusal grounds with their articles, per request type */
        get: operations["getRequestsRefusalGrounds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statistics per counterpart State and type */
        get: operations["getRequestsStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A request with its timeline, files and the actions you may take */
        get: operations["getRequestsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a draft (optimistic locking: send the version you edited) */
        patch: operations["patchRequestsById"];
        trace?: never;
    };
    "/api/v1/requests/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an answer of a requested authority without a node
         * @description The requesting side records what the authority answered outside Comity (acknowledged, more information requested, executed or partly executed with the documents it returned, refused with grounds). The timeline marks it recorded by the requesting side.
         */
        post: operations["postRequestsByIdAnswers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach a file to a draft, or to your next answer
         * @description A draft's files travel with the transmission. After it, the requested side may add the documents and evidence it returns (received, under execution, partially executed) and the requesting side files for its answer to a request for more information; they are sent with the next execute, partially-execute or provide-more-info (see attachmentIds). Send the file as the raw body (any Content-Type, name in ?filename= or X-Filename) or as JSON {filename, mediaType, contentBase64}. Larger than the node's limit: 413, nothing stored. JSON schema: {"$schema":"https://json-schema.org/draft/2020-12/schema","$ref":"#/$defs/AttachmentJsonBody","$defs":{"AttachmentJsonBody":{"type":"object","properties":{"filename":{"type":"string","minLength":1,"maxLength":255},"mediaType":{"type":"string","maxLength":200},"contentBase64":{"type":"string","description":"The file, base64-encoded"}},"required":["filename","contentBase64"],"additionalProperties":false}}}
         */
        post: operations["postRequestsByIdAttachments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/attachments/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a file of another request of your organisation into this draft
         * @description The release policy decides (attach, for this draft’s proceedings): a file received under speciality, H1/H2/H3 or TLP:RED needs the originator’s consent (403 policy_denied names the rule and how to ask). The draft takes on the source’s markings.
         */
        post: operations["postRequestsByIdAttachmentsCopy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attached file */
        get: operations["getRequestsByIdAttachmentsByAttachmentId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/case": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Link a request to a case, move it to another, or unlink it (from the request’s side)
         * @description Moving a request needs the right to link on both cases. The answer names the case only when you may read it.
         */
        put: operations["putRequestsByIdCase"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/completeness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is missing (essential items block transmission), each with its article */
        get: operations["getRequestsByIdCompleteness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The formal letter of request as PDF or DOCX in a UN language
         * @description Its SHA-256 is in the X-Content-SHA256 header and in the audit trail. X-Letter-Warnings says how many warnings GET /document/check gives for it (they are also in the audit entry): the letter is produced regardless. Without Chromium, PDF gives 503 naming the package to install; DOCX still works.
         */
        get: operations["getRequestsByIdDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/document/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What to know before exporting the letter: free text in another language than the letter, a signatory without a title
         * @description The language of each free-text field is guessed from its script (Arabic, Cyrillic, Han, Latin) and, for Latin script, from the share of English, French and Spanish function words; short text gives no guess. The letter can be exported anyway.
         */
        get: operations["getRequestsByIdDocumentCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link a request to an authority that joined with a node
         * @description For an open request to an authority without a node: a trusted peer of the same State takes over; a request already sent is transmitted to it, and later steps travel by federation.
         */
        post: operations["postRequestsByIdLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the request through its lifecycle
         * @description An action that is not allowed in the current state gives 409 with `allowed`; an action of the other side gives 403 `wrong_side`.
         */
        post: operations["postRequestsByIdTransitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seizures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seizures you may see, newest first (domain, country, dates, species or substance, case, vessel, ICCS code, words) */
        get: operations["getSeizures"];
        put?: never;
        /**
         * Record a seizure (one or more items of any domain)
         * @description Dates, coordinates, IMO numbers, species, substances and ICCS codes are checked; every problem is listed in `problems` of a 400 `record_invalid` (unknown names with `suggestions`).
         */
        post: operations["postSeizures"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seizures/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import seizures from CSV or XLSX (base64) with a column mapping; `dryRun` answers the report and the guessed mapping without storing
         * @description Rows sharing a reference are items of one seizure. When any row has a problem nothing is stored: 400 `import_rejected` with `problems` (row, column, field, code, params).
         */
        post: operations["postSeizuresImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seizures/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Seizures you may see as GeoJSON points, newest first up to `limit`, with their routes as lines (domain, time, species or substance, country, bounding box)
         * @description A record without coordinates (or whose place the release policy withholds) is drawn at its country’s point (`precision: country`). A bounding box outside the valid range answers 400 `bbox_out_of_range`; south north of north 400 `bbox_inverted`.
         */
        get: operations["getSeizuresMap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seizures/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reference lists records are checked against: ICCS codes, species with their CITES appendix, drugs and precursors */
        get: operations["getSeizuresReference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seizures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A seizure with its items, route and parties */
        get: operations["getSeizuresById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a seizure (send the version you edited; items, route and parties are replaced when sent) */
        patch: operations["patchSeizuresById"];
        trace?: never;
    };
    "/api/v1/seizures/{id}/peer-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Backtracking across nodes: check this seizure’s shared elements with peers (hit/no-hit)
         * @description Sends the record’s shared elements that are entities of its case (its parties with their phones, accounts and names with dates of birth, and the case’s vessels with its IMO number) to every active peer as blinded or keyed encodings, never in clear; hits appear in the hit inbox and under `peer-hits`. 400 `no_case` or `no_shared_entities` when there is nothing to check.
         */
        post: operations["postSeizuresByIdPeerCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seizures/{id}/peer-hits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hits from peers on this seizure’s shared elements (as in your hit inbox) */
        get: operations["getSeizuresByIdPeerHits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seizures/{id}/related": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Backtracking: records related to this seizure
         * @description The other seizures and maritime incidents, of every crime domain, within `windowDays` of this record that share a vessel (IMO), company, person, phone or account, route segment or port with it; each names the shared elements. Only records the caller may read are listed. Other nodes are asked through hit/no-hit (`peer-check`).
         */
        get: operations["getSeizuresByIdRelated"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-levels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service levels my organisation expects of its counterparts */
        get: operations["getServiceLevels"];
        /** Set the service level for a counterpart (organisation, State, or default) */
        put: operations["putServiceLevels"];
        post?: never;
        /** Remove a service level */
        delete: operations["deleteServiceLevels"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and the CSRF token */
        get: operations["getSession"];
        put?: never;
        /** Sign in (sets the session cookie) */
        post: operations["postSession"];
        /** Sign out */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and the CSRF token, or null without a session (never 401 for a missing or ended session) */
        get: operations["getSessionCurrent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Settings the web UI needs before sign-in */
        get: operations["getSettingsPublic"];
        /** Change node settings (admin) */
        put: operations["putSettingsPublic"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * ICCS-coded counts of seizures, maritime incidents and cooperation requests
         * @description Counts by period (month, quarter, year), country and ICCS code, from a rollup the job queue recomputes (`refreshedAt`). Your organisation’s records; a node administrator’s, the node’s. Aggregates only, never records. `format=csv`: plain CSV; `format=sdmx-csv`: SDMX-CSV 2.0 of dataflow COMITY:DF_ICCS_REGISTRY(1.0) (FREQ, REF_AREA, SOURCE, ICCS, TIME_PERIOD, OBS_VALUE).
         */
        get: operations["getStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statistics/received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statistics peers shared with this node
         * @description Each share with its origin node (authority and State from its card), the organisation that shared it, the period, the months covered, its marking and its counts. Active peers only.
         */
        get: operations["getStatisticsReceived"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statistics/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statistics the organisation shared with peers */
        get: operations["getStatisticsShares"];
        put?: never;
        /**
         * Share aggregated statistics with a peer node under a marking
         * @description Sends the organisation’s ICCS-coded counts (from the rollup, never records) for the months `from`..`to`, folded by `period`, to an active peer as a `statistics.share` message marked with `marking`. The release policy decides the transmission to that node: the share carries the markings of the cooperation requests it counts, so a request received from another authority under TLP:AMBER or with confidentiality asked keeps the share from a third node (403 `policy_denied`, consentable) unless `sources` leaves requests out. Supervisors only; audited on both nodes.
         */
        post: operations["postStatisticsShares"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/taxonomy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cooperation types and offence categories (with ICCS codes where established) */
        get: operations["getTaxonomy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users (admins: all; supervisors: their organisation) */
        get: operations["getUsers"];
        put?: never;
        /** Create a user (admin) */
        post: operations["postUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user (admin) */
        post: operations["postUsersByIdDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-enable a user (admin) */
        post: operations["postUsersByIdEnable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/worklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What waits for me: drafts, approvals, incoming requests, answers, overdue deadlines (by role and organisation) */
        get: operations["getWorklist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/federation/v1/audit/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * RFC 9162 consistency proof from any tree size to one of this node’s signed checkpoints (for witnesses)
         * @description 429 rate_limited with Retry-After when one address asks too often.
         */
        get: operations["getFederationAuditConsistency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/federation/v1/audit/witnessed/{nodeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The checkpoints of a node this node witnessed and co-signed, newest first (for that node to check its log)
         * @description 429 rate_limited with Retry-After when one address asks too often.
         */
        get: operations["getFederationAuditWitnessedByNodeId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/federation/v1/card": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This node’s signed card (public; check its fingerprint with the operator before trusting it) */
        get: operations["getFederationCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/federation/v1/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a signed, end-to-end encrypted envelope from a peer node
         * @description 202 with the signed receipt when accepted (or, for a message id processed before, the original receipt with duplicate=true). Otherwise problem+json with a reason code: envelope_malformed, wrong_recipient, unknown_sender, peer_suspended, peer_revoked, peer_card_expired, bad_signature, message_stale, unsupported_type, decryption_failed, payload_invalid, payload_rejected; `retryable` says whether sending again could help. 429 rate_limited with Retry-After when one address or one claimed sender sends too many.
         */
        post: operations["postFederationInbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/federation/v1/transfers/{transferId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What this node holds of an evidence transfer from the calling peer (signed request)
         * @description Called by the sending node, signed in comity-sender, comity-created-at and comity-signature: the chunks still missing, or the transfer's end (accepted, refused with the reason).
         */
        get: operations["getFederationTransfersByTransferId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/federation/v1/transfers/{transferId}/chunks/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * One chunk of an evidence transfer from the calling peer (binary, signed request)
         * @description Body: application/octet-stream, the chunk encrypted with AES-256-GCM under the transfer's content key (ciphertext then 16-byte tag). Signed in comity-sender, comity-created-at and comity-signature. 422 chunk_rejected (retryable: not stored), chunk_digest_mismatch (the transfer is refused), 409 transfer_refused, 404 transfer_not_found.
         */
        put: operations["putFederationTransfersByTransferIdChunksByIndex"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable and migrations current */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccountProfile: {
            email: string;
            /** @description Display name, printed as the signatory of letters this person approves */
            name: string;
            organisation: {
                country: string;
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description Lines printed under the title: service, authority, address */
            signatureBlock: string | null;
            /** @description Official title printed under the name (e.g. "Head of the Office for International Cooperation") */
            title: string | null;
        };
        AccountProfileInput: {
            email: string;
            /** @description Display name, printed as the signatory of letters this person approves */
            name: string;
            organisation: {
                country: string;
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description Lines printed under the title: service, authority, address */
            signatureBlock: string | null;
            /** @description Official title printed under the name (e.g. "Head of the Office for International Cooperation") */
            title: string | null;
        };
        AnswerConsentBody: {
            answer: components["schemas"]["ConsentAnswer"];
            /** @description Required with granted-with-conditions */
            conditions?: string;
        };
        AnswerConsentBodyInput: {
            answer: components["schemas"]["ConsentAnswerInput"];
            /** @description Required with granted-with-conditions */
            conditions?: string;
        };
        AttachmentJsonBody: {
            /** @description The file, base64-encoded */
            contentBase64: string;
            filename: string;
            mediaType?: string;
        };
        AttachmentJsonBodyInput: {
            /** @description The file, base64-encoded */
            contentBase64: string;
            filename: string;
            mediaType?: string;
        };
        AuditCheckpoint: {
            at: string;
            cosignatures: components["schemas"]["AuditCosignature"][];
            id: number;
            keyId: string;
            note: string;
            root: string;
            size: number;
        };
        AuditCheckpointInput: {
            at: string;
            cosignatures: components["schemas"]["AuditCosignatureInput"][];
            id: number;
            keyId: string;
            note: string;
            root: string;
            size: number;
        };
        AuditCheckpointPage: {
            items: components["schemas"]["AuditCheckpoint"][];
            nextBefore: number | null;
        };
        AuditCheckpointPageInput: {
            items: components["schemas"]["AuditCheckpointInput"][];
            nextBefore: number | null;
        };
        AuditConsistencyProof: {
            from: number;
            fromCheckpoint: string;
            fromRoot: string;
            path: string[];
            to: number;
            toCheckpoint: string;
            toRoot: string;
        };
        AuditConsistencyProofInput: {
            from: number;
            fromCheckpoint: string;
            fromRoot: string;
            path: string[];
            to: number;
            toCheckpoint: string;
            toRoot: string;
        };
        AuditCosignature: {
            line: string;
            peerNodeId: string;
            receivedAt: string;
        };
        AuditCosignatureInput: {
            line: string;
            peerNodeId: string;
            receivedAt: string;
        };
        AuditEntry: {
            action: string;
            actorEmail: string | null;
            actorId: string | null;
            at: string;
            change: unknown;
            digest: string;
            hash: string;
            organisationId: string | null;
            requestId: string | null;
            seq: number;
            target: string;
        };
        AuditEntryInput: {
            action: string;
            actorEmail: string | null;
            actorId: string | null;
            at: string;
            change: unknown;
            digest: string;
            hash: string;
            organisationId: string | null;
            requestId: string | null;
            seq: number;
            target: string;
        };
        AuditInclusionProof: {
            checkpoint: string;
            entryText: string;
            leafHash: string;
            leafIndex: number;
            path: string[];
            rootHash: string;
            seq: number;
            treeSize: number;
        };
        AuditInclusionProofInput: {
            checkpoint: string;
            entryText: string;
            leafHash: string;
            leafIndex: number;
            path: string[];
            rootHash: string;
            seq: number;
            treeSize: number;
        };
        AuditProblem: {
            kind: components["schemas"]["AuditProblemKind"];
            reason: string;
            seq: number;
        };
        AuditProblemInput: {
            kind: components["schemas"]["AuditProblemKindInput"];
            reason: string;
            seq: number;
        };
        /** @enum {string} */
        AuditProblemKind: "missing" | "out_of_order" | "unlinked" | "altered" | "change_altered" | "head_missing" | "head_invalid" | "tail_removed" | "head_mismatch" | "truncated" | "anchor_mismatch" | "emptied" | "checkpoint_invalid" | "root_mismatch" | "witness_truncated" | "witness_fork";
        /** @enum {string} */
        AuditProblemKindInput: "missing" | "out_of_order" | "unlinked" | "altered" | "change_altered" | "head_missing" | "head_invalid" | "tail_removed" | "head_mismatch" | "truncated" | "anchor_mismatch" | "emptied" | "checkpoint_invalid" | "root_mismatch" | "witness_truncated" | "witness_fork";
        AuditVerification: {
            entries: number;
            firstBroken?: number;
            ok: boolean;
            problems?: components["schemas"]["AuditProblem"][];
            reason?: string;
        };
        AuditVerificationInput: {
            entries: number;
            firstBroken?: number;
            ok: boolean;
            problems?: components["schemas"]["AuditProblemInput"][];
            reason?: string;
        };
        AuthorityDirectory: {
            items: components["schemas"]["DirectoryAuthority"][];
            /** @description How many entries each source gave */
            sources: {
                count: number;
                source: components["schemas"]["AuthoritySource"];
            }[];
        };
        AuthorityDirectoryInput: {
            items: components["schemas"]["DirectoryAuthorityInput"][];
            /** @description How many entries each source gave */
            sources: {
                count: number;
                source: components["schemas"]["AuthoritySourceInput"];
            }[];
        };
        /** @enum {string} */
        AuthoritySource: "treaty-designation" | "peer-node" | "administrator" | "node-declaration";
        /** @enum {string} */
        AuthoritySourceInput: "treaty-designation" | "peer-node" | "administrator" | "node-declaration";
        CaptureAllowlist: {
            /** @description Hosts (as written in URLs, no port) captured even though their addresses are not public */
            hosts: string[];
        };
        CaptureAllowlistInput: {
            /** @description Hosts (as written in URLs, no port) captured even though their addresses are not public */
            hosts: string[];
        };
        /** @description An evidence item made of a capture: screenshot (PNG), pdf, html, wacz (WARC in WACZ), metadata (JSON) */
        CaptureItemRef: {
            itemId: string;
            /** @enum {string} */
            kind: "screenshot" | "pdf" | "html" | "wacz" | "metadata";
        };
        /** @description An evidence item made of a capture: screenshot (PNG), pdf, html, wacz (WARC in WACZ), metadata (JSON) */
        CaptureItemRefInput: {
            itemId: string;
            /** @enum {string} */
            kind: "screenshot" | "pdf" | "html" | "wacz" | "metadata";
        };
        CaptureList: {
            items: components["schemas"]["CaptureView"][];
        };
        CaptureListInput: {
            items: components["schemas"]["CaptureViewInput"][];
        };
        CaptureUrlView: {
            attempts: number;
            finalUrl: string | null;
            finishedAt: string | null;
            httpStatus: number | null;
            id: string;
            items: components["schemas"]["CaptureItemRef"][];
            /** @description Why it failed, in English */
            message: string | null;
            position: number;
            /** @description Why it failed, as a code: address_not_public, own_address, scheme_not_allowed, host_not_found, timeout, unreachable, … */
            reason: string | null;
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "captured" | "failed";
            url: string;
        };
        CaptureUrlViewInput: {
            attempts: number;
            finalUrl: string | null;
            finishedAt: string | null;
            httpStatus: number | null;
            id: string;
            items: components["schemas"]["CaptureItemRefInput"][];
            /** @description Why it failed, in English */
            message: string | null;
            position: number;
            /** @description Why it failed, as a code: address_not_public, own_address, scheme_not_allowed, host_not_found, timeout, unreachable, … */
            reason: string | null;
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "captured" | "failed";
            url: string;
        };
        CaptureView: {
            caseId: string | null;
            counts: {
                captured: number;
                failed: number;
                queued: number;
                running: number;
            };
            createdAt: string;
            createdBy: string | null;
            /** @description No URL is queued or running */
            done: boolean;
            id: string;
            requestId: string | null;
            urls: components["schemas"]["CaptureUrlView"][];
        };
        CaptureViewInput: {
            caseId: string | null;
            counts: {
                captured: number;
                failed: number;
                queued: number;
                running: number;
            };
            createdAt: string;
            createdBy: string | null;
            /** @description No URL is queued or running */
            done: boolean;
            id: string;
            requestId: string | null;
            urls: components["schemas"]["CaptureUrlViewInput"][];
        };
        CardPreview: {
            /** @enum {string} */
            assessment: "new" | "refresh" | "rotation";
            authority: {
                kind: string;
                name: string;
                state: string;
            };
            currentStatus: ("active" | "suspended" | "revoked") | null;
            encryptionFingerprint: string;
            endpoint: string;
            nodeId: string;
            /** @description Read this out with the peer’s operator before trusting the card */
            signingFingerprint: string;
            /** @description ISO 8601 date-time */
            validUntil: string;
        };
        CardPreviewInput: {
            /** @enum {string} */
            assessment: "new" | "refresh" | "rotation";
            authority: {
                kind: string;
                name: string;
                state: string;
            };
            currentStatus: ("active" | "suspended" | "revoked") | null;
            encryptionFingerprint: string;
            endpoint: string;
            nodeId: string;
            /** @description Read this out with the peer’s operator before trusting the card */
            signingFingerprint: string;
            /** @description ISO 8601 date-time */
            validUntil: string;
        };
        Case: {
            closedOn: string | null;
            closingNote: string | null;
            confidentiality: {
                confidential: boolean;
                note?: string;
            };
            createdAt: string;
            description: string;
            effectiveMarking: components["schemas"]["Marking"];
            handling: components["schemas"]["HandlingCode"];
            handlingNote?: string;
            /** Format: uuid */
            id: string;
            marking: components["schemas"]["TlpMarking"];
            /** @description What you may do now */
            may: {
                edit: boolean;
                link: boolean;
                team: boolean;
            };
            /** @description Your role in the team; null when you read it as a supervisor or node administrator */
            myTeamRole: components["schemas"]["CaseTeamRole"] | null;
            offences: components["schemas"]["CaseOffence"][];
            openedOn: string;
            organisation: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            reference: string;
            requests: components["schemas"]["CaseRequest"][];
            status: components["schemas"]["CaseStatus"];
            team: components["schemas"]["CaseMember"][];
            title: string;
            updatedAt: string;
            useLimitations: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUse"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
            version: number;
        };
        CaseInput: {
            closedOn: string | null;
            closingNote: string | null;
            confidentiality: {
                confidential: boolean;
                note?: string;
            };
            createdAt: string;
            description: string;
            effectiveMarking: components["schemas"]["MarkingInput"];
            handling: components["schemas"]["HandlingCodeInput"];
            handlingNote?: string;
            /** Format: uuid */
            id: string;
            marking: components["schemas"]["TlpMarkingInput"];
            /** @description What you may do now */
            may: {
                edit: boolean;
                link: boolean;
                team: boolean;
            };
            /** @description Your role in the team; null when you read it as a supervisor or node administrator */
            myTeamRole: components["schemas"]["CaseTeamRoleInput"] | null;
            offences: components["schemas"]["CaseOffenceInput"][];
            openedOn: string;
            organisation: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            reference: string;
            requests: components["schemas"]["CaseRequestInput"][];
            status: components["schemas"]["CaseStatusInput"];
            team: components["schemas"]["CaseMemberInput"][];
            title: string;
            updatedAt: string;
            useLimitations: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUseInput"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
            version: number;
        };
        CaseLinkBody: {
            /** Format: uuid */
            requestId: string;
        };
        CaseLinkBodyInput: {
            /** Format: uuid */
            requestId: string;
        };
        CaseList: {
            items: components["schemas"]["CaseSummary"][];
            total: number;
        };
        CaseListInput: {
            items: components["schemas"]["CaseSummaryInput"][];
            total: number;
        };
        CaseMember: {
            addedAt: string;
            disabled: boolean;
            email: string;
            name: string;
            role: string;
            teamRole: components["schemas"]["CaseTeamRole"];
            /** Format: uuid */
            userId: string;
        };
        CaseMemberBody: {
            /** @default member */
            teamRole: components["schemas"]["CaseTeamRole"];
            /**
             * Format: uuid
             * @description A user of the case’s organisation
             */
            userId: string;
        };
        CaseMemberBodyInput: {
            /** @default member */
            teamRole?: components["schemas"]["CaseTeamRoleInput"];
            /**
             * Format: uuid
             * @description A user of the case’s organisation
             */
            userId: string;
        };
        CaseMemberCandidates: {
            items: {
                email: string;
                name: string;
                role: string;
                /** Format: uuid */
                userId: string;
            }[];
        };
        CaseMemberCandidatesInput: {
            items: {
                email: string;
                name: string;
                role: string;
                /** Format: uuid */
                userId: string;
            }[];
        };
        CaseMemberInput: {
            addedAt: string;
            disabled: boolean;
            email: string;
            name: string;
            role: string;
            teamRole: components["schemas"]["CaseTeamRoleInput"];
            /** Format: uuid */
            userId: string;
        };
        /**
         * @description An offence category of the taxonomy requests use
         * @enum {string}
         */
        CaseOffence: "organized-crime-participation" | "corruption" | "money-laundering" | "drug-trafficking" | "trafficking-in-persons" | "migrant-smuggling" | "firearms-trafficking" | "terrorism" | "terrorist-financing" | "hostage-taking" | "cybercrime" | "wildlife-trafficking" | "cultural-property-trafficking" | "organ-trafficking" | "falsified-medical-products" | "tobacco-smuggling" | "piracy" | "fraud" | "other-serious-crime";
        /**
         * @description An offence category of the taxonomy requests use
         * @enum {string}
         */
        CaseOffenceInput: "organized-crime-participation" | "corruption" | "money-laundering" | "drug-trafficking" | "trafficking-in-persons" | "migrant-smuggling" | "firearms-trafficking" | "terrorism" | "terrorist-financing" | "hostage-taking" | "cybercrime" | "wildlife-trafficking" | "cultural-property-trafficking" | "organ-trafficking" | "falsified-medical-products" | "tobacco-smuggling" | "piracy" | "fraud" | "other-serious-crime";
        /** @description The case a request is linked to (shown only to those who may read the case) */
        CaseRef: {
            /** Format: uuid */
            id: string;
            reference: string;
            /** @enum {string} */
            status: "open" | "closed";
            title: string;
        };
        /** @description The case a request is linked to (shown only to those who may read the case) */
        CaseRefInput: {
            /** Format: uuid */
            id: string;
            reference: string;
            /** @enum {string} */
            status: "open" | "closed";
            title: string;
        };
        CaseRequest: {
            counterpartState: string;
            /** Format: uuid */
            id: string;
            linkedAt: string;
            marking: components["schemas"]["TlpMarking"];
            reference: string;
            /**
             * @description requesting = made for the case (outgoing), requested = received
             * @enum {string}
             */
            side: "requesting" | "requested";
            state: string;
            /** @description Empty when withheld */
            title: string;
            /** @description The request’s marking does not let you read it: only its reference and marking are shown */
            withheld: boolean;
        };
        CaseRequestInput: {
            counterpartState: string;
            /** Format: uuid */
            id: string;
            linkedAt: string;
            marking: components["schemas"]["TlpMarkingInput"];
            reference: string;
            /**
             * @description requesting = made for the case (outgoing), requested = received
             * @enum {string}
             */
            side: "requesting" | "requested";
            state: string;
            /** @description Empty when withheld */
            title: string;
            /** @description The request’s marking does not let you read it: only its reference and marking are shown */
            withheld: boolean;
        };
        /** @enum {string} */
        CaseStatus: "open" | "closed";
        /** @enum {string} */
        CaseStatusInput: "open" | "closed";
        CaseSummary: {
            closedOn: string | null;
            handling: components["schemas"]["HandlingCode"];
            /** Format: uuid */
            id: string;
            marking: components["schemas"]["TlpMarking"];
            offences: components["schemas"]["CaseOffence"][];
            openedOn: string;
            organisation: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            reference: string;
            requestCount: number;
            status: components["schemas"]["CaseStatus"];
            teamSize: number;
            /** @description Empty when withheld */
            title: string;
            updatedAt: string;
            /** @description Set when the marking does not let you read the case */
            withheld: {
                citation: string;
                reason: string;
                rule: string;
            } | null;
        };
        CaseSummaryInput: {
            closedOn: string | null;
            handling: components["schemas"]["HandlingCodeInput"];
            /** Format: uuid */
            id: string;
            marking: components["schemas"]["TlpMarkingInput"];
            offences: components["schemas"]["CaseOffenceInput"][];
            openedOn: string;
            organisation: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            reference: string;
            requestCount: number;
            status: components["schemas"]["CaseStatusInput"];
            teamSize: number;
            /** @description Empty when withheld */
            title: string;
            updatedAt: string;
            /** @description Set when the marking does not let you read the case */
            withheld: {
                citation: string;
                reason: string;
                rule: string;
            } | null;
        };
        /**
         * @description lead: edits the case and its team; member: works on it
         * @enum {string}
         */
        CaseTeamRole: "lead" | "member";
        /**
         * @description lead: edits the case and its team; member: works on it
         * @enum {string}
         */
        CaseTeamRoleInput: "lead" | "member";
        /** @description Check a request that is not saved (e.g. from a file); requestingState defaults to your organisation’s */
        CheckRequestBody: {
            applicableLaw?: string;
            caseReference?: string;
            confidentiality?: {
                confidential: boolean;
                note?: string;
            };
            deadline?: string | null;
            deadlineReason?: string;
            facts?: string;
            handling?: components["schemas"]["HandlingCode"];
            handlingNote?: string;
            language?: string;
            legalBasis?: components["schemas"]["LegalBasisChoiceBody"] | null;
            marking?: components["schemas"]["TlpMarking"];
            measures?: components["schemas"]["RequestMeasure"][];
            offences?: components["schemas"]["RequestOffence"][];
            persons?: components["schemas"]["RequestPerson"][];
            procedure?: string;
            proceedings?: {
                authority?: string;
                authorityFunctions?: string;
                /** @enum {string} */
                stage?: "investigation" | "prosecution" | "trial" | "enforcement";
            };
            purpose?: string;
            /** @description The requested authority from GET /api/v1/authorities when it has no node (admin:…, treaty:…); a peer:… entry means requestedNodeId */
            requestedAuthorityId?: string | null;
            /** @description The requested authority, when it is on a trusted peer node (GET /api/v1/directory); federation carries the request there */
            requestedNodeId?: string | null;
            /** @description The requested authority, when it is an organisation on this node */
            requestedOrganisationId?: string | null;
            requestedState?: unknown;
            requestingState?: unknown;
            title?: string;
            type: components["schemas"]["RequestType"];
            urgency?: {
                reason?: string;
                urgent: boolean;
            };
            useLimitations?: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUse"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
        };
        /** @description Check a request that is not saved (e.g. from a file); requestingState defaults to your organisation’s */
        CheckRequestBodyInput: {
            applicableLaw?: string;
            caseReference?: string;
            confidentiality?: {
                confidential: boolean;
                note?: string;
            };
            deadline?: string | null;
            deadlineReason?: string;
            facts?: string;
            handling?: components["schemas"]["HandlingCodeInput"];
            handlingNote?: string;
            language?: string;
            legalBasis?: components["schemas"]["LegalBasisChoiceBodyInput"] | null;
            marking?: components["schemas"]["TlpMarkingInput"];
            measures?: components["schemas"]["RequestMeasureInput"][];
            offences?: components["schemas"]["RequestOffenceInput"][];
            persons?: components["schemas"]["RequestPersonInput"][];
            procedure?: string;
            proceedings?: {
                authority?: string;
                authorityFunctions?: string;
                /** @enum {string} */
                stage?: "investigation" | "prosecution" | "trial" | "enforcement";
            };
            purpose?: string;
            /** @description The requested authority from GET /api/v1/authorities when it has no node (admin:…, treaty:…); a peer:… entry means requestedNodeId */
            requestedAuthorityId?: string | null;
            /** @description The requested authority, when it is on a trusted peer node (GET /api/v1/directory); federation carries the request there */
            requestedNodeId?: string | null;
            /** @description The requested authority, when it is an organisation on this node */
            requestedOrganisationId?: string | null;
            requestedState?: string;
            requestingState?: string;
            title?: string;
            type: components["schemas"]["RequestTypeInput"];
            urgency?: {
                reason?: string;
                urgent: boolean;
            };
            useLimitations?: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUseInput"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
        };
        CodedText: {
            /** @description Stable code: a reason (e.g. not-in-incomplete-list) or, for a catalogue condition, its id in the data */
            code: string;
            params: {
                [key: string]: string | number;
            };
            /** @description The English sentence */
            text: string;
        };
        CodedTextInput: {
            /** @description Stable code: a reason (e.g. not-in-incomplete-list) or, for a catalogue condition, its id in the data */
            code: string;
            params: {
                [key: string]: string | number;
            };
            /** @description The English sentence */
            text: string;
        };
        Completeness: {
            /** @description Block submission and transmission */
            essentialMissing: components["schemas"]["CompletenessItem"][];
            /** @description Consistency with the legal-basis engine and the requested State */
            problems: {
                /** @description The treaty article that asks for it */
                citation: string;
                /** @description Path of the field, e.g. measures[1].location */
                field: string;
                /** @description Parameters of the reason (instrument, States, dates, ids) */
                params?: {
                    [key: string]: string | number;
                };
                reason: string;
                /** @description Stable rule id; with params, words the reason in the reader’s language */
                rule: string;
                /** @enum {string} */
                severity: "error" | "warning" | "info";
            }[];
            /** @description Warnings */
            recommendedMissing: components["schemas"]["CompletenessItem"][];
        };
        CompletenessInput: {
            /** @description Block submission and transmission */
            essentialMissing: components["schemas"]["CompletenessItemInput"][];
            /** @description Consistency with the legal-basis engine and the requested State */
            problems: {
                /** @description The treaty article that asks for it */
                citation: string;
                /** @description Path of the field, e.g. measures[1].location */
                field: string;
                /** @description Parameters of the reason (instrument, States, dates, ids) */
                params?: {
                    [key: string]: string | number;
                };
                reason: string;
                /** @description Stable rule id; with params, words the reason in the reader’s language */
                rule: string;
                /** @enum {string} */
                severity: "error" | "warning" | "info";
            }[];
            /** @description Warnings */
            recommendedMissing: components["schemas"]["CompletenessItemInput"][];
        };
        CompletenessItem: {
            /** @description The treaty article that asks for it */
            citation: string;
            /** @description Path of the field, e.g. measures[1].location */
            field: string;
            /** @description Parameters of the reason (instrument, States, dates, ids) */
            params?: {
                [key: string]: string | number;
            };
            reason: string;
            /** @description Stable rule id; with params, words the reason in the reader’s language */
            rule: string;
        };
        CompletenessItemInput: {
            /** @description The treaty article that asks for it */
            citation: string;
            /** @description Path of the field, e.g. measures[1].location */
            field: string;
            /** @description Parameters of the reason (instrument, States, dates, ids) */
            params?: {
                [key: string]: string | number;
            };
            reason: string;
            /** @description Stable rule id; with params, words the reason in the reader’s language */
            rule: string;
        };
        Consent: {
            action: components["schemas"]["ConsentAction"];
            answer: components["schemas"]["ConsentAnswer"] | null;
            answeredAt: string | null;
            answeredBy: string | null;
            askedBy: string | null;
            canAnswer: boolean;
            /** @description You may approve now (a supervisor other than the person who asked or answered) */
            canApprove: boolean;
            conditions: string | null;
            counterpart: {
                name: string;
                nodeId: string | null;
                organisationId: string | null;
            };
            createdAt: string;
            /**
             * @description asked: this organisation asked an originator; received: an originator (this organisation) is asked
             * @enum {string}
             */
            direction: "asked" | "received";
            /** Format: uuid */
            exchangeId: string;
            /** Format: uuid */
            id: string;
            itemId: string | null;
            proceedings: string | null;
            purpose: string;
            recipientNodeId: string | null;
            requestId: string | null;
            requestReference: string | null;
            sourceKey: string;
            state: components["schemas"]["ConsentState"];
            updatedAt: string;
        };
        /** @enum {string} */
        ConsentAction: "export" | "transmit" | "attach" | "remark";
        /** @enum {string} */
        ConsentActionInput: "export" | "transmit" | "attach" | "remark";
        /** @enum {string} */
        ConsentAnswer: "granted" | "refused" | "granted-with-conditions";
        /** @enum {string} */
        ConsentAnswerInput: "granted" | "refused" | "granted-with-conditions";
        ConsentAnswerPayload: {
            answer: components["schemas"]["ConsentAnswer"];
            answeredAt: string;
            answeredBy: {
                organisation: string;
            };
            conditions: string | null;
            /** Format: uuid */
            conversationId: string;
            /** Format: uuid */
            exchangeId: string;
            /** @constant */
            v: 1;
        };
        ConsentAnswerPayloadInput: {
            answer: components["schemas"]["ConsentAnswerInput"];
            answeredAt: string;
            answeredBy: {
                organisation: string;
            };
            conditions: string | null;
            /** Format: uuid */
            conversationId: string;
            /** Format: uuid */
            exchangeId: string;
            /** @constant */
            v: 1;
        };
        ConsentInput: {
            action: components["schemas"]["ConsentActionInput"];
            answer: components["schemas"]["ConsentAnswerInput"] | null;
            answeredAt: string | null;
            answeredBy: string | null;
            askedBy: string | null;
            canAnswer: boolean;
            /** @description You may approve now (a supervisor other than the person who asked or answered) */
            canApprove: boolean;
            conditions: string | null;
            counterpart: {
                name: string;
                nodeId: string | null;
                organisationId: string | null;
            };
            createdAt: string;
            /**
             * @description asked: this organisation asked an originator; received: an originator (this organisation) is asked
             * @enum {string}
             */
            direction: "asked" | "received";
            /** Format: uuid */
            exchangeId: string;
            /** Format: uuid */
            id: string;
            itemId: string | null;
            proceedings: string | null;
            purpose: string;
            recipientNodeId: string | null;
            requestId: string | null;
            requestReference: string | null;
            sourceKey: string;
            state: components["schemas"]["ConsentStateInput"];
            updatedAt: string;
        };
        ConsentList: {
            items: components["schemas"]["Consent"][];
        };
        ConsentListInput: {
            items: components["schemas"]["ConsentInput"][];
        };
        ConsentRequestPayload: {
            action: components["schemas"]["ConsentAction"];
            askedAt: string;
            askedBy: {
                organisation: string;
                state: string;
            };
            /**
             * Format: uuid
             * @description The request the limitation comes from (its conversation)
             */
            conversationId: string;
            /**
             * Format: uuid
             * @description The asker’s id of this exchange; the answer carries it back
             */
            exchangeId: string;
            item?: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                transferId: string;
            } | null;
            proceedings: string | null;
            purpose: string;
            recipientNodeId: string | null;
            /** @constant */
            v: 1;
        };
        ConsentRequestPayloadInput: {
            action: components["schemas"]["ConsentActionInput"];
            askedAt: string;
            askedBy: {
                organisation: string;
                state: string;
            };
            /**
             * Format: uuid
             * @description The request the limitation comes from (its conversation)
             */
            conversationId: string;
            /**
             * Format: uuid
             * @description The asker’s id of this exchange; the answer carries it back
             */
            exchangeId: string;
            item?: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                transferId: string;
            } | null;
            proceedings: string | null;
            purpose: string;
            recipientNodeId: string | null;
            /** @constant */
            v: 1;
        };
        /**
         * @description asked side: awaiting-approval (a supervisor must agree before it is sent) → asked → granted | refused | granted-with-conditions; originator side: received → answer-awaiting-approval (a supervisor must agree) → the answer
         * @enum {string}
         */
        ConsentState: "awaiting-approval" | "asked" | "answer-awaiting-approval" | "received" | "granted" | "refused" | "granted-with-conditions";
        /**
         * @description asked side: awaiting-approval (a supervisor must agree before it is sent) → asked → granted | refused | granted-with-conditions; originator side: received → answer-awaiting-approval (a supervisor must agree) → the answer
         * @enum {string}
         */
        ConsentStateInput: "awaiting-approval" | "asked" | "answer-awaiting-approval" | "received" | "granted" | "refused" | "granted-with-conditions";
        Conveyance: {
            airWaybill?: string;
            containerNumber?: string;
            flightNumber?: string;
            trackingNumber?: string;
            vehicleRegistration?: string;
            vesselFlag?: unknown;
            /** @description IMO number, 7 digits with the check digit */
            vesselImo?: string;
            vesselName?: string;
        };
        ConveyanceInput: {
            airWaybill?: string;
            containerNumber?: string;
            flightNumber?: string;
            trackingNumber?: string;
            vehicleRegistration?: string;
            vesselFlag?: string;
            /** @description IMO number, 7 digits with the check digit */
            vesselImo?: string;
            vesselName?: string;
        };
        CopyAttachmentBody: {
            /** Format: uuid */
            attachmentId: string;
            /**
             * Format: uuid
             * @description The request the file is in
             */
            requestId: string;
        };
        CopyAttachmentBodyInput: {
            /** Format: uuid */
            attachmentId: string;
            /**
             * Format: uuid
             * @description The request the file is in
             */
            requestId: string;
        };
        Country: {
            alpha2: string;
            code: string;
            /** @enum {string} */
            kind: "state" | "regional-organisation";
            names: {
                [key: string]: string;
            };
            region: string | null;
            subRegion: string | null;
        };
        CountryInput: {
            alpha2: string;
            code: string;
            /** @enum {string} */
            kind: "state" | "regional-organisation";
            names: {
                [key: string]: string;
            };
            region: string | null;
            subRegion: string | null;
        };
        CountryList: {
            items: components["schemas"]["Country"][];
        };
        CountryListInput: {
            items: components["schemas"]["CountryInput"][];
        };
        CountryProfile: {
            country: components["schemas"]["Country"];
            dataAsOf: string;
            date: string;
            declarations: {
                [key: string]: {
                    description: string;
                    /** @enum {string} */
                    effect: "no-treaty-basis-for-extradition" | "treaty-basis-for-extradition" | "central-authority" | "languages" | "territorial-exclusion" | "dispute-settlement" | "other";
                    instrument: string;
                    /** @default {} */
                    params: {
                        [key: string]: string;
                    };
                    source: string;
                    text: string;
                }[];
            };
            /**
             * @description What the State’s own node declares (signed, with provenance); empty when no node of that State published facts here
             * @default []
             */
            declared: components["schemas"]["ReceivedFacts"][];
            /**
             * @description Where those declared facts disagree with the depositary data
             * @default []
             */
            disagreements: components["schemas"]["DeclaredDisagreement"][];
            notParty: {
                asOf: string;
                instrument: string;
                reason: string;
                /** @default [] */
                reasonCodes: components["schemas"]["CodedText"][];
                signed?: string;
                since?: string;
                source: string;
                /** @enum {string} */
                state: "party" | "not-party" | "unknown";
                title: string;
            }[];
            party: {
                asOf: string;
                instrument: string;
                reason: string;
                /** @default [] */
                reasonCodes: components["schemas"]["CodedText"][];
                signed?: string;
                since?: string;
                source: string;
                /** @enum {string} */
                state: "party" | "not-party" | "unknown";
                title: string;
            }[];
            signed: {
                asOf: string;
                instrument: string;
                reason: string;
                /** @default [] */
                reasonCodes: components["schemas"]["CodedText"][];
                signed?: string;
                since?: string;
                source: string;
                /** @enum {string} */
                state: "party" | "not-party" | "unknown";
                title: string;
            }[];
            state: string;
            unknown: {
                asOf: string;
                instrument: string;
                reason: string;
                /** @default [] */
                reasonCodes: components["schemas"]["CodedText"][];
                signed?: string;
                since?: string;
                source: string;
                /** @enum {string} */
                state: "party" | "not-party" | "unknown";
                title: string;
            }[];
        };
        CountryProfileInput: {
            country: components["schemas"]["CountryInput"];
            dataAsOf: string;
            date: string;
            declarations: {
                [key: string]: {
                    description: string;
                    /** @enum {string} */
                    effect: "no-treaty-basis-for-extradition" | "treaty-basis-for-extradition" | "central-authority" | "languages" | "territorial-exclusion" | "dispute-settlement" | "other";
                    instrument: string;
                    /** @default {} */
                    params?: {
                        [key: string]: string;
                    };
                    source: string;
                    text: string;
                }[];
            };
            /**
             * @description What the State’s own node declares (signed, with provenance); empty when no node of that State published facts here
             * @default []
             */
            declared?: components["schemas"]["ReceivedFactsInput"][];
            /**
             * @description Where those declared facts disagree with the depositary data
             * @default []
             */
            disagreements?: components["schemas"]["DeclaredDisagreementInput"][];
            notParty: {
                asOf: string;
                instrument: string;
                reason: string;
                /** @default [] */
                reasonCodes?: components["schemas"]["CodedTextInput"][];
                signed?: string;
                since?: string;
                source: string;
                /** @enum {string} */
                state: "party" | "not-party" | "unknown";
                title: string;
            }[];
            party: {
                asOf: string;
                instrument: string;
                reason: string;
                /** @default [] */
                reasonCodes?: components["schemas"]["CodedTextInput"][];
                signed?: string;
                since?: string;
                source: string;
                /** @enum {string} */
                state: "party" | "not-party" | "unknown";
                title: string;
            }[];
            signed: {
                asOf: string;
                instrument: string;
                reason: string;
                /** @default [] */
                reasonCodes?: components["schemas"]["CodedTextInput"][];
                signed?: string;
                since?: string;
                source: string;
                /** @enum {string} */
                state: "party" | "not-party" | "unknown";
                title: string;
            }[];
            state: string;
            unknown: {
                asOf: string;
                instrument: string;
                reason: string;
                /** @default [] */
                reasonCodes?: components["schemas"]["CodedTextInput"][];
                signed?: string;
                since?: string;
                source: string;
                /** @enum {string} */
                state: "party" | "not-party" | "unknown";
                title: string;
            }[];
        };
        CreateAuthorityBody: {
            address?: string | null;
            channel?: components["schemas"]["TransmissionChannel"] | null;
            email?: string | null;
            languages?: string[];
            name: string;
            notes?: string | null;
            state: unknown;
        };
        CreateAuthorityBodyInput: {
            address?: string | null;
            channel?: components["schemas"]["TransmissionChannelInput"] | null;
            email?: string | null;
            languages?: string[];
            name: string;
            notes?: string | null;
            state: string;
        };
        CreateCaptureBody: {
            /**
             * Format: uuid
             * @description The case the captures belong to (give this or requestId)
             */
            caseId?: string;
            /**
             * Format: uuid
             * @description The request the captures belong to (give this or caseId)
             */
            requestId?: string;
            /** @description http(s) URLs; each is checked against the SSRF rules before it is queued and again at every request the page makes */
            urls: string[];
        };
        CreateCaptureBodyInput: {
            /**
             * Format: uuid
             * @description The case the captures belong to (give this or requestId)
             */
            caseId?: string;
            /**
             * Format: uuid
             * @description The request the captures belong to (give this or caseId)
             */
            requestId?: string;
            /** @description http(s) URLs; each is checked against the SSRF rules before it is queued and again at every request the page makes */
            urls: string[];
        };
        CreateCaseBody: {
            confidentiality?: {
                confidential: boolean;
                note?: string;
            };
            description?: string;
            handling?: components["schemas"]["HandlingCode"];
            handlingNote?: string;
            /** @description TLP 2.0; AMBER when not given */
            marking?: components["schemas"]["TlpMarking"];
            offences?: components["schemas"]["CaseOffence"][];
            /**
             * Format: date
             * @description When the investigation was opened; today when absent
             */
            openedOn?: string;
            /** @description Unique in your organisation; one like CASE-2026-0001 is given when absent */
            reference?: string;
            title: string;
            useLimitations?: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUse"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
        };
        CreateCaseBodyInput: {
            confidentiality?: {
                confidential: boolean;
                note?: string;
            };
            description?: string;
            handling?: components["schemas"]["HandlingCodeInput"];
            handlingNote?: string;
            /** @description TLP 2.0; AMBER when not given */
            marking?: components["schemas"]["TlpMarkingInput"];
            offences?: components["schemas"]["CaseOffenceInput"][];
            /**
             * Format: date
             * @description When the investigation was opened; today when absent
             */
            openedOn?: string;
            /** @description Unique in your organisation; one like CASE-2026-0001 is given when absent */
            reference?: string;
            title: string;
            useLimitations?: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUseInput"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
        };
        CreateConsentBody: {
            action: components["schemas"]["ConsentAction"];
            /**
             * Format: uuid
             * @description An evidence item of that request received from the originator node: the consent is asked (and, granted, lifts the limitation) for this item only
             */
            itemId?: string;
            /** @description attach: the proceedings it is to be used in */
            proceedings?: string;
            /** @description Why, in words the originator will read */
            purpose: string;
            /** @description transmit: the node it is to go to */
            recipientNodeId?: string;
            /**
             * Format: uuid
             * @description The record the limitation comes from (a request received from the originator)
             */
            requestId: string;
        };
        CreateConsentBodyInput: {
            action: components["schemas"]["ConsentActionInput"];
            /**
             * Format: uuid
             * @description An evidence item of that request received from the originator node: the consent is asked (and, granted, lifts the limitation) for this item only
             */
            itemId?: string;
            /** @description attach: the proceedings it is to be used in */
            proceedings?: string;
            /** @description Why, in words the originator will read */
            purpose: string;
            /** @description transmit: the node it is to go to */
            recipientNodeId?: string;
            /**
             * Format: uuid
             * @description The record the limitation comes from (a request received from the originator)
             */
            requestId: string;
        };
        CreateCulturalObjectBody: {
            /** @description A case of your organisation the object belongs to */
            caseId?: string | null;
            handling?: components["schemas"]["HandlingCode"];
            legalStatus: components["schemas"]["CulturalLegalStatus"];
            /** @description TLP 2.0; TLP:CLEAR records are shown to the public check. AMBER when not given */
            marking?: components["schemas"]["TlpMarking"];
            objectId?: components["schemas"]["CulturalObjectIdFields"];
            objectType: string;
            /** @description Unique in your organisation; one like CP-2026-0001 is given when absent */
            reference?: string;
            reportingAuthority: string;
            theft?: components["schemas"]["CulturalTheft"];
            title: string;
        };
        CreateCulturalObjectBodyInput: {
            /** @description A case of your organisation the object belongs to */
            caseId?: string | null;
            handling?: components["schemas"]["HandlingCodeInput"];
            legalStatus: components["schemas"]["CulturalLegalStatusInput"];
            /** @description TLP 2.0; TLP:CLEAR records are shown to the public check. AMBER when not given */
            marking?: components["schemas"]["TlpMarkingInput"];
            objectId?: components["schemas"]["CulturalObjectIdFieldsInput"];
            objectType: string;
            /** @description Unique in your organisation; one like CP-2026-0001 is given when absent */
            reference?: string;
            reportingAuthority: string;
            theft?: components["schemas"]["CulturalTheftInput"];
            title: string;
        };
        CreateEntityBody: {
            /** @description The FtM id; a fresh one when absent */
            id?: string;
            marking?: components["schemas"]["EntityMarkingInput"];
            properties: {
                [key: string]: string[] | string;
            };
            schema: components["schemas"]["EntitySchema"];
            /** @description Where the information came from */
            sources?: string[];
        };
        CreateEntityBodyInput: {
            /** @description The FtM id; a fresh one when absent */
            id?: string;
            marking?: components["schemas"]["EntityMarkingInputInput"];
            properties: {
                [key: string]: string[] | string;
            };
            schema: components["schemas"]["EntitySchemaInput"];
            /** @description Where the information came from */
            sources?: string[];
        };
        CreateIncidentBody: {
            area?: string;
            caseId?: string | null;
            /** @description The coastal State, when in its waters */
            country?: unknown | null;
            crew?: {
                assaulted?: number;
                hostage?: number;
                injured?: number;
                kidnapped?: number;
                killed?: number;
                missing?: number;
                threatened?: number;
            };
            handling?: components["schemas"]["HandlingCode"];
            /** @description 11012 for piracy and hijacking, 0401 otherwise, when absent */
            iccsCode?: string;
            /** @enum {string} */
            kind: "piracy" | "armed-robbery" | "boarding" | "hijacking" | "kidnapping" | "attempted" | "other";
            /** @description Decimal degrees, -90 to 90 */
            latitude: number;
            /** @description Decimal degrees, -180 to 180 */
            longitude: number;
            marking?: components["schemas"]["TlpMarking"];
            narrative: string;
            /** @description YYYY-MM-DD, or a date and time (UTC unless an offset is given); not in the future */
            occurredAt: string;
            parties?: components["schemas"]["RegistryParty"][];
            /** @description MI-<year>-<n> when absent */
            reference?: string;
            reportingSource: string;
            sources?: {
                reference?: string;
                title: string;
            }[];
            vessel: {
                flag?: unknown;
                imo?: string;
                name: string;
                type: string;
            };
            /** @enum {string} */
            vesselStatus: "underway" | "anchored" | "berthed";
        };
        CreateIncidentBodyInput: {
            area?: string;
            caseId?: string | null;
            /** @description The coastal State, when in its waters */
            country?: string | null;
            crew?: {
                assaulted?: number;
                hostage?: number;
                injured?: number;
                kidnapped?: number;
                killed?: number;
                missing?: number;
                threatened?: number;
            };
            handling?: components["schemas"]["HandlingCodeInput"];
            /** @description 11012 for piracy and hijacking, 0401 otherwise, when absent */
            iccsCode?: string;
            /** @enum {string} */
            kind: "piracy" | "armed-robbery" | "boarding" | "hijacking" | "kidnapping" | "attempted" | "other";
            /** @description Decimal degrees, -90 to 90 */
            latitude: number;
            /** @description Decimal degrees, -180 to 180 */
            longitude: number;
            marking?: components["schemas"]["TlpMarkingInput"];
            narrative: string;
            /** @description YYYY-MM-DD, or a date and time (UTC unless an offset is given); not in the future */
            occurredAt: string;
            parties?: components["schemas"]["RegistryPartyInput"][];
            /** @description MI-<year>-<n> when absent */
            reference?: string;
            reportingSource: string;
            sources?: {
                reference?: string;
                title: string;
            }[];
            vessel: {
                flag?: string;
                imo?: string;
                name: string;
                type: string;
            };
            /** @enum {string} */
            vesselStatus: "underway" | "anchored" | "berthed";
        };
        /** @description Give requestedState or requestedOrganisationId; everything else can follow. */
        CreateRequestBody: {
            applicableLaw?: string;
            caseReference?: string;
            confidentiality?: {
                confidential: boolean;
                note?: string;
            };
            deadline?: string | null;
            deadlineReason?: string;
            facts?: string;
            handling?: components["schemas"]["HandlingCode"];
            handlingNote?: string;
            language?: string;
            legalBasis?: components["schemas"]["LegalBasisChoiceBody"] | null;
            marking?: components["schemas"]["TlpMarking"];
            measures?: components["schemas"]["RequestMeasure"][];
            offences?: components["schemas"]["RequestOffence"][];
            persons?: components["schemas"]["RequestPerson"][];
            procedure?: string;
            proceedings?: {
                authority?: string;
                authorityFunctions?: string;
                /** @enum {string} */
                stage?: "investigation" | "prosecution" | "trial" | "enforcement";
            };
            purpose?: string;
            /** @description The requested authority from GET /api/v1/authorities when it has no node (admin:…, treaty:…); a peer:… entry means requestedNodeId */
            requestedAuthorityId?: string | null;
            /** @description The requested authority, when it is on a trusted peer node (GET /api/v1/directory); federation carries the request there */
            requestedNodeId?: string | null;
            /** @description The requested authority, when it is an organisation on this node */
            requestedOrganisationId?: string | null;
            requestedState?: unknown;
            title?: string;
            type: components["schemas"]["RequestType"];
            urgency?: {
                reason?: string;
                urgent: boolean;
            };
            useLimitations?: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUse"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
        };
        /** @description Give requestedState or requestedOrganisationId; everything else can follow. */
        CreateRequestBodyInput: {
            applicableLaw?: string;
            caseReference?: string;
            confidentiality?: {
                confidential: boolean;
                note?: string;
            };
            deadline?: string | null;
            deadlineReason?: string;
            facts?: string;
            handling?: components["schemas"]["HandlingCodeInput"];
            handlingNote?: string;
            language?: string;
            legalBasis?: components["schemas"]["LegalBasisChoiceBodyInput"] | null;
            marking?: components["schemas"]["TlpMarkingInput"];
            measures?: components["schemas"]["RequestMeasureInput"][];
            offences?: components["schemas"]["RequestOffenceInput"][];
            persons?: components["schemas"]["RequestPersonInput"][];
            procedure?: string;
            proceedings?: {
                authority?: string;
                authorityFunctions?: string;
                /** @enum {string} */
                stage?: "investigation" | "prosecution" | "trial" | "enforcement";
            };
            purpose?: string;
            /** @description The requested authority from GET /api/v1/authorities when it has no node (admin:…, treaty:…); a peer:… entry means requestedNodeId */
            requestedAuthorityId?: string | null;
            /** @description The requested authority, when it is on a trusted peer node (GET /api/v1/directory); federation carries the request there */
            requestedNodeId?: string | null;
            /** @description The requested authority, when it is an organisation on this node */
            requestedOrganisationId?: string | null;
            requestedState?: string;
            title?: string;
            type: components["schemas"]["RequestTypeInput"];
            urgency?: {
                reason?: string;
                urgent: boolean;
            };
            useLimitations?: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUseInput"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
        };
        CreateSeizureBody: {
            authority: string;
            /** @description A case of your organisation whose team you are on */
            caseId?: string | null;
            conveyance?: components["schemas"]["Conveyance"];
            /** @enum {string} */
            conveyanceType: "container" | "vessel" | "flight" | "air-cargo" | "parcel" | "vehicle" | "rail" | "passenger" | "other";
            country: unknown;
            /** @enum {string} */
            detectionMethod: "risk-profiling" | "x-ray" | "detector-dog" | "intelligence" | "documentary-check" | "physical-inspection" | "random-check" | "tip-off" | "other";
            handling?: components["schemas"]["HandlingCode"];
            /** @description From the ICCS list (GET /api/v1/seizures/reference) */
            iccsCode: string;
            items: components["schemas"]["SeizedItem"][];
            latitude?: number | null;
            /** @enum {string} */
            locationKind: "seaport" | "airport" | "land-border" | "mail-centre" | "inland" | "at-sea" | "other";
            /** @description The port, airport or border crossing (name or UN/LOCODE) */
            locationPoint?: string;
            longitude?: number | null;
            /** @description AMBER when not given */
            marking?: components["schemas"]["TlpMarking"];
            /** @description YYYY-MM-DD, or a date and time (UTC unless an offset is given); not in the future */
            occurredAt: string;
            parties?: components["schemas"]["RegistryParty"][];
            place?: string;
            /** @description Unique in your organisation; SZ-<year>-<n> when absent */
            reference?: string;
            route?: components["schemas"]["RouteStop"][];
            sources?: {
                reference?: string;
                title: string;
            }[];
            summary?: string;
        };
        CreateSeizureBodyInput: {
            authority: string;
            /** @description A case of your organisation whose team you are on */
            caseId?: string | null;
            conveyance?: components["schemas"]["ConveyanceInput"];
            /** @enum {string} */
            conveyanceType: "container" | "vessel" | "flight" | "air-cargo" | "parcel" | "vehicle" | "rail" | "passenger" | "other";
            country: string;
            /** @enum {string} */
            detectionMethod: "risk-profiling" | "x-ray" | "detector-dog" | "intelligence" | "documentary-check" | "physical-inspection" | "random-check" | "tip-off" | "other";
            handling?: components["schemas"]["HandlingCodeInput"];
            /** @description From the ICCS list (GET /api/v1/seizures/reference) */
            iccsCode: string;
            items: components["schemas"]["SeizedItemInput"][];
            latitude?: number | null;
            /** @enum {string} */
            locationKind: "seaport" | "airport" | "land-border" | "mail-centre" | "inland" | "at-sea" | "other";
            /** @description The port, airport or border crossing (name or UN/LOCODE) */
            locationPoint?: string;
            longitude?: number | null;
            /** @description AMBER when not given */
            marking?: components["schemas"]["TlpMarkingInput"];
            /** @description YYYY-MM-DD, or a date and time (UTC unless an offset is given); not in the future */
            occurredAt: string;
            parties?: components["schemas"]["RegistryPartyInput"][];
            place?: string;
            /** @description Unique in your organisation; SZ-<year>-<n> when absent */
            reference?: string;
            route?: components["schemas"]["RouteStopInput"][];
            sources?: {
                reference?: string;
                title: string;
            }[];
            summary?: string;
        };
        CsvMapping: {
            /** @description CSV column → FtM property ("id" for the FtM id) */
            columns: {
                [key: string]: string;
            };
            /** @description The schema of every row */
            schema: components["schemas"]["EntitySchema"];
            /** @description Splits multi-valued cells */
            separator?: string;
        };
        CsvMappingInput: {
            /** @description CSV column → FtM property ("id" for the FtM id) */
            columns: {
                [key: string]: string;
            };
            /** @description The schema of every row */
            schema: components["schemas"]["EntitySchemaInput"];
            /** @description Splits multi-valued cells */
            separator?: string;
        };
        CulturalCheckAnswer: {
            matches: components["schemas"]["CulturalPublicMatch"][];
            receipt: components["schemas"]["CulturalCheckReceipt"];
            /** @description The receipt file exactly as signed (save it as is) */
            receiptText: string;
        };
        CulturalCheckAnswerInput: {
            matches: components["schemas"]["CulturalPublicMatchInput"][];
            receipt: components["schemas"]["CulturalCheckReceiptInput"];
            /** @description The receipt file exactly as signed (save it as is) */
            receiptText: string;
        };
        CulturalCheckBody: {
            /** @description The photo, base64 (at most 10 MiB decoded) */
            image?: string;
            /** @description true: leave the photo with the registry’s investigators (kept with the check’s log entry, stated in the receipt). Default false: the photo is not kept. */
            keepPhoto?: boolean;
            /** @description Only if you want to say who asks */
            requester?: {
                contact?: string;
                name?: string;
                organisation?: string;
            };
            text?: components["schemas"]["CulturalCheckText"];
        };
        CulturalCheckBodyInput: {
            /** @description The photo, base64 (at most 10 MiB decoded) */
            image?: string;
            /** @description true: leave the photo with the registry’s investigators (kept with the check’s log entry, stated in the receipt). Default false: the photo is not kept. */
            keepPhoto?: boolean;
            /** @description Only if you want to say who asks */
            requester?: {
                contact?: string;
                name?: string;
                organisation?: string;
            };
            text?: components["schemas"]["CulturalCheckTextInput"];
        };
        CulturalCheckEntry: {
            checkedAt: string;
            /** Format: uuid */
            id: string;
            /** @description Matched records of this node the caller may see */
            matches: {
                recordId: string;
                reference: string;
            }[];
            /** @description Further matched records (another organisation’s, a peer’s, or since deleted) */
            otherMatches: number;
            /** @enum {string} */
            outcome: "no-match" | "possible-matches";
            query: {
                /** @description The text fields the person filled in (their words are kept only as a digest) */
                fields: string[];
                imageSha256: string | null;
                /** @description The person agreed to leave the photo: read it from /checks/{id}/photo */
                photoKept: boolean;
                textSha256: string | null;
            };
            /** @description SHA-256 of the receipt file the person received */
            receiptSha256: string;
            /** @description Who asked, only as far as the person said; null when they did not */
            requester: {
                [key: string]: string;
            } | null;
        };
        CulturalCheckEntryInput: {
            checkedAt: string;
            /** Format: uuid */
            id: string;
            /** @description Matched records of this node the caller may see */
            matches: {
                recordId: string;
                reference: string;
            }[];
            /** @description Further matched records (another organisation’s, a peer’s, or since deleted) */
            otherMatches: number;
            /** @enum {string} */
            outcome: "no-match" | "possible-matches";
            query: {
                /** @description The text fields the person filled in (their words are kept only as a digest) */
                fields: string[];
                imageSha256: string | null;
                /** @description The person agreed to leave the photo: read it from /checks/{id}/photo */
                photoKept: boolean;
                textSha256: string | null;
            };
            /** @description SHA-256 of the receipt file the person received */
            receiptSha256: string;
            /** @description Who asked, only as far as the person said; null when they did not */
            requester: {
                [key: string]: string;
            } | null;
        };
        CulturalCheckList: {
            items: components["schemas"]["CulturalCheckEntry"][];
            limit: number;
            offset: number;
            total: number;
        };
        CulturalCheckListInput: {
            items: components["schemas"]["CulturalCheckEntryInput"][];
            limit: number;
            offset: number;
            total: number;
        };
        CulturalCheckReceipt: {
            checkId: string;
            checkedAt: string;
            /** @constant */
            format: "comity.cultural-property.check-receipt/1";
            node: {
                id: string;
                publicKey: string;
            };
            notice: string;
            query: {
                fields: string[];
                imageSha256: string | null;
                /**
                 * @description Present when the person agreed to leave the photo with the registry’s investigators
                 * @constant
                 */
                photoKept?: true;
                textSha256: string | null;
            };
            registry: {
                /** @description SHA-256 of the canonical sorted list of [id, version]; a peer’s record counts as "<node id>/<record id>" */
                digest: string;
                /** @description The peers whose published records the check covered (absent when none) */
                peers?: {
                    nodeId: string;
                    records: number;
                }[];
                /** @description Public records checked: this node’s and those its peers published to it */
                publicRecords: number;
            };
            result: {
                matches: {
                    imageDistance: number | null;
                    /** @description For a record another node published to this one: that node and its authority */
                    origin?: {
                        authority: string;
                        nodeId: string;
                    };
                    recordId: string;
                    reference: string;
                    reportingAuthority: string;
                    textScore: number | null;
                    title: string;
                }[];
                /** @enum {string} */
                outcome: "no-match" | "possible-matches";
            };
            signature: {
                /** @constant */
                algorithm: "Ed25519";
                value: string;
            };
        };
        CulturalCheckReceiptInput: {
            checkId: string;
            checkedAt: string;
            /** @constant */
            format: "comity.cultural-property.check-receipt/1";
            node: {
                id: string;
                publicKey: string;
            };
            notice: string;
            query: {
                fields: string[];
                imageSha256: string | null;
                /**
                 * @description Present when the person agreed to leave the photo with the registry’s investigators
                 * @constant
                 */
                photoKept?: true;
                textSha256: string | null;
            };
            registry: {
                /** @description SHA-256 of the canonical sorted list of [id, version]; a peer’s record counts as "<node id>/<record id>" */
                digest: string;
                /** @description The peers whose published records the check covered (absent when none) */
                peers?: {
                    nodeId: string;
                    records: number;
                }[];
                /** @description Public records checked: this node’s and those its peers published to it */
                publicRecords: number;
            };
            result: {
                matches: {
                    imageDistance: number | null;
                    /** @description For a record another node published to this one: that node and its authority */
                    origin?: {
                        authority: string;
                        nodeId: string;
                    };
                    recordId: string;
                    reference: string;
                    reportingAuthority: string;
                    textScore: number | null;
                    title: string;
                }[];
                /** @enum {string} */
                outcome: "no-match" | "possible-matches";
            };
            signature: {
                /** @constant */
                algorithm: "Ed25519";
                value: string;
            };
        };
        CulturalCheckText: {
            description?: string;
            inscriptions?: string;
            maker?: string;
            materials?: string;
            objectType?: string;
            title?: string;
        };
        CulturalCheckTextInput: {
            description?: string;
            inscriptions?: string;
            maker?: string;
            materials?: string;
            objectType?: string;
            title?: string;
        };
        CulturalImageView: {
            height: number;
            /** Format: uuid */
            id: string;
            mediaType: string;
            sha256: string;
            sizeBytes: number;
            width: number;
        };
        CulturalImageViewInput: {
            height: number;
            /** Format: uuid */
            id: string;
            mediaType: string;
            sha256: string;
            sizeBytes: number;
            width: number;
        };
        /** @description Nothing is imported when any row has a problem */
        CulturalImportReport: {
            created: {
                /** Format: uuid */
                id: string;
                line: number;
                reference: string;
            }[];
            imported: number;
            problems: {
                field: string | null;
                line: number;
                message: string;
            }[];
            rows: number;
        };
        /** @description Nothing is imported when any row has a problem */
        CulturalImportReportInput: {
            created: {
                /** Format: uuid */
                id: string;
                line: number;
                reference: string;
            }[];
            imported: number;
            problems: {
                field: string | null;
                line: number;
                message: string;
            }[];
            rows: number;
        };
        /** @enum {string} */
        CulturalLegalStatus: "stolen" | "illicitly-exported" | "looted-from-site" | "recovered" | "returned";
        /** @enum {string} */
        CulturalLegalStatusInput: "stolen" | "illicitly-exported" | "looted-from-site" | "recovered" | "returned";
        /** @description Object ID: materials and techniques, measurements, inscriptions and markings, distinguishing features, subject, date or period, maker, description */
        CulturalObjectIdFields: {
            dateOrPeriod?: string;
            description?: string;
            distinguishingFeatures?: string;
            inscriptions?: string;
            maker?: string;
            materials?: string;
            measurements?: string;
            subject?: string;
            techniques?: string;
        };
        /** @description Object ID: materials and techniques, measurements, inscriptions and markings, distinguishing features, subject, date or period, maker, description */
        CulturalObjectIdFieldsInput: {
            dateOrPeriod?: string;
            description?: string;
            distinguishingFeatures?: string;
            inscriptions?: string;
            maker?: string;
            materials?: string;
            measurements?: string;
            subject?: string;
            techniques?: string;
        };
        CulturalObjectIdView: {
            dateOrPeriod?: string;
            description?: string;
            distinguishingFeatures?: string;
            inscriptions?: string;
            maker?: string;
            materials?: string;
            measurements?: string;
            subject?: string;
            techniques?: string;
        };
        CulturalObjectIdViewInput: {
            dateOrPeriod?: string;
            description?: string;
            distinguishingFeatures?: string;
            inscriptions?: string;
            maker?: string;
            materials?: string;
            measurements?: string;
            subject?: string;
            techniques?: string;
        };
        CulturalObjectList: {
            items: components["schemas"]["CulturalObjectSummary"][];
            total: number;
        };
        CulturalObjectListInput: {
            items: components["schemas"]["CulturalObjectSummaryInput"][];
            total: number;
        };
        CulturalObjectSummary: {
            firstImageId: string | null;
            /** Format: uuid */
            id: string;
            imageCount: number;
            /** @description Hamming distance of the nearest image hash when searched by photo */
            imageDistance: number | null;
            legalStatus: components["schemas"]["CulturalLegalStatus"];
            marking: components["schemas"]["TlpMarking"];
            objectType: string;
            /** @description null: a record of this node; else the peer node that published it (read-only here; `id` is the record’s id on that node and `firstImageId` is served by /public/images) */
            origin: {
                authority: string;
                country: string;
                nodeId: string;
            } | null;
            public: boolean;
            reference: string;
            reportingAuthority: string;
            title: string;
        };
        CulturalObjectSummaryInput: {
            firstImageId: string | null;
            /** Format: uuid */
            id: string;
            imageCount: number;
            /** @description Hamming distance of the nearest image hash when searched by photo */
            imageDistance: number | null;
            legalStatus: components["schemas"]["CulturalLegalStatusInput"];
            marking: components["schemas"]["TlpMarkingInput"];
            objectType: string;
            /** @description null: a record of this node; else the peer node that published it (read-only here; `id` is the record’s id on that node and `firstImageId` is served by /public/images) */
            origin: {
                authority: string;
                country: string;
                nodeId: string;
            } | null;
            public: boolean;
            reference: string;
            reportingAuthority: string;
            title: string;
        };
        CulturalObjectView: {
            case: {
                /** Format: uuid */
                id: string;
                reference: string;
                title: string;
            } | null;
            createdAt: string;
            handling: components["schemas"]["HandlingCode"];
            /** Format: uuid */
            id: string;
            images: components["schemas"]["CulturalImageView"][];
            legalStatus: components["schemas"]["CulturalLegalStatus"];
            marking: components["schemas"]["TlpMarking"];
            objectId: components["schemas"]["CulturalObjectIdView"];
            objectType: string;
            /** Format: uuid */
            organisationId: string;
            /** @description Whether the public check shows this record (its marking is TLP:CLEAR) */
            public: boolean;
            reference: string;
            reportingAuthority: string;
            theft: components["schemas"]["CulturalTheftView"] | null;
            title: string;
            updatedAt: string;
            version: number;
        };
        CulturalObjectViewInput: {
            case: {
                /** Format: uuid */
                id: string;
                reference: string;
                title: string;
            } | null;
            createdAt: string;
            handling: components["schemas"]["HandlingCodeInput"];
            /** Format: uuid */
            id: string;
            images: components["schemas"]["CulturalImageViewInput"][];
            legalStatus: components["schemas"]["CulturalLegalStatusInput"];
            marking: components["schemas"]["TlpMarkingInput"];
            objectId: components["schemas"]["CulturalObjectIdViewInput"];
            objectType: string;
            /** Format: uuid */
            organisationId: string;
            /** @description Whether the public check shows this record (its marking is TLP:CLEAR) */
            public: boolean;
            reference: string;
            reportingAuthority: string;
            theft: components["schemas"]["CulturalTheftViewInput"] | null;
            title: string;
            updatedAt: string;
            version: number;
        };
        CulturalPeerPublication: {
            /** @description This node accepts the records the peer publishes to it (default true) */
            accept: boolean;
            /** @description Records queued to the peer (published or withdrawn) */
            messages: number;
            nodeId: string;
            /** @description This node publishes its public records to the peer */
            publish: boolean;
            /** @description Records of the peer deleted here (accept turned off) */
            removedRecords: number;
        };
        CulturalPeerPublicationInput: {
            /** @description This node accepts the records the peer publishes to it (default true) */
            accept: boolean;
            /** @description Records queued to the peer (published or withdrawn) */
            messages: number;
            nodeId: string;
            /** @description This node publishes its public records to the peer */
            publish: boolean;
            /** @description Records of the peer deleted here (accept turned off) */
            removedRecords: number;
        };
        CulturalPeerSetting: {
            /** @description This node accepts the records the peer publishes to it (default true) */
            accept: boolean;
            country: string;
            /** @description When a record of the peer was last stored here */
            lastReceivedAt: string | null;
            /** @description When a record (or a withdrawal) was last queued to the peer */
            lastSentAt: string | null;
            name: string;
            nodeId: string;
            /** @description This node publishes its public records to the peer */
            publish: boolean;
            /** @description Records sent to the peer and not withdrawn */
            publishedRecords: number;
            /** @description Records of the peer held here */
            receivedRecords: number;
            status: string;
        };
        CulturalPeerSettingInput: {
            /** @description This node accepts the records the peer publishes to it (default true) */
            accept: boolean;
            country: string;
            /** @description When a record of the peer was last stored here */
            lastReceivedAt: string | null;
            /** @description When a record (or a withdrawal) was last queued to the peer */
            lastSentAt: string | null;
            name: string;
            nodeId: string;
            /** @description This node publishes its public records to the peer */
            publish: boolean;
            /** @description Records sent to the peer and not withdrawn */
            publishedRecords: number;
            /** @description Records of the peer held here */
            receivedRecords: number;
            status: string;
        };
        CulturalPeerSettings: {
            items: components["schemas"]["CulturalPeerSetting"][];
        };
        CulturalPeerSettingsInput: {
            items: components["schemas"]["CulturalPeerSettingInput"][];
        };
        CulturalPublicMatch: {
            imageDistance: number | null;
            imageIds: string[];
            legalStatus: components["schemas"]["CulturalLegalStatus"];
            objectType: string;
            /** @description null: this node’s record; else the peer node that published it and its authority */
            origin: {
                authority: string;
                country: string;
                nodeId: string;
            } | null;
            /** Format: uuid */
            recordId: string;
            reference: string;
            /** @description The authority to contact */
            reportingAuthority: string;
            textScore: number | null;
            theft: components["schemas"]["CulturalTheftView"] | null;
            title: string;
        };
        CulturalPublicMatchInput: {
            imageDistance: number | null;
            imageIds: string[];
            legalStatus: components["schemas"]["CulturalLegalStatusInput"];
            objectType: string;
            /** @description null: this node’s record; else the peer node that published it and its authority */
            origin: {
                authority: string;
                country: string;
                nodeId: string;
            } | null;
            /** Format: uuid */
            recordId: string;
            reference: string;
            /** @description The authority to contact */
            reportingAuthority: string;
            textScore: number | null;
            theft: components["schemas"]["CulturalTheftViewInput"] | null;
            title: string;
        };
        CulturalReceiptVerification: {
            nodeId: string | null;
            ok: boolean;
            problem: string | null;
            reason: string | null;
            signedByThisNode: boolean;
        };
        CulturalReceiptVerificationInput: {
            nodeId: string | null;
            ok: boolean;
            problem: string | null;
            reason: string | null;
            signedByThisNode: boolean;
        };
        CulturalReceiptVerifyBody: {
            /** @description The receipt file’s text, exactly as saved */
            receipt: string;
        };
        CulturalReceiptVerifyBodyInput: {
            /** @description The receipt file’s text, exactly as saved */
            receipt: string;
        };
        CulturalRecordPayload: {
            /** @description The record as the public check shows it; null when withdrawn */
            record: components["schemas"]["FederatedCulturalRecord"] | null;
            /**
             * Format: uuid
             * @description The record’s id on the originating node
             */
            recordId: string;
            /**
             * @description withdrawn: the record is no longer public (re-marked, deleted, or the peer is no longer published to)
             * @enum {string}
             */
            state: "published" | "withdrawn";
            /** @constant */
            v: 1;
            /** @description Grows with every change; a receiver keeps the highest it has seen */
            version: number;
        };
        CulturalRecordPayloadInput: {
            /** @description The record as the public check shows it; null when withdrawn */
            record: components["schemas"]["FederatedCulturalRecordInput"] | null;
            /**
             * Format: uuid
             * @description The record’s id on the originating node
             */
            recordId: string;
            /**
             * @description withdrawn: the record is no longer public (re-marked, deleted, or the peer is no longer published to)
             * @enum {string}
             */
            state: "published" | "withdrawn";
            /** @constant */
            v: 1;
            /** @description Grows with every change; a receiver keeps the highest it has seen */
            version: number;
        };
        CulturalRecordResult: {
            /** Format: uuid */
            recordId: string;
            /** @description false when a version at least as recent was already held */
            stored: boolean;
            version: number;
        };
        CulturalRecordResultInput: {
            /** Format: uuid */
            recordId: string;
            /** @description false when a version at least as recent was already held */
            stored: boolean;
            version: number;
        };
        CulturalTheft: {
            country?: unknown;
            /**
             * Format: date
             * @description Date of the theft or of the discovery
             */
            date?: string;
            /**
             * @description Stolen from a place, or dug from a site
             * @enum {string}
             */
            kind: "theft" | "excavation";
            place?: string;
        };
        CulturalTheftInput: {
            country?: string;
            /**
             * Format: date
             * @description Date of the theft or of the discovery
             */
            date?: string;
            /**
             * @description Stolen from a place, or dug from a site
             * @enum {string}
             */
            kind: "theft" | "excavation";
            place?: string;
        };
        CulturalTheftView: {
            country?: string;
            date?: string;
            /** @enum {string} */
            kind: "theft" | "excavation";
            place?: string;
        };
        CulturalTheftViewInput: {
            country?: string;
            date?: string;
            /** @enum {string} */
            kind: "theft" | "excavation";
            place?: string;
        };
        CurrentSession: {
            session: components["schemas"]["Session"] | null;
        };
        CurrentSessionInput: {
            session: components["schemas"]["SessionInput"] | null;
        };
        CustodyEvent: {
            actorEmail: string | null;
            at: string;
            details: {
                [key: string]: unknown;
            };
            hash: string;
            keyId: string;
            kind: components["schemas"]["CustodyKind"];
            nodeId: string;
            prevHash: string;
            seq: number;
            signature: string;
        };
        CustodyEventInput: {
            actorEmail: string | null;
            at: string;
            details: {
                [key: string]: unknown;
            };
            hash: string;
            keyId: string;
            kind: components["schemas"]["CustodyKindInput"];
            nodeId: string;
            prevHash: string;
            seq: number;
            signature: string;
        };
        /** @enum {string} */
        CustodyKind: "acquired" | "hashed" | "timestamped" | "timestamp-pending" | "timestamp-failed" | "viewed" | "downloaded" | "exported" | "transmitted" | "received" | "sealed" | "released" | "working-copy" | "download-requested" | "download-approved" | "consent-asked" | "consent-answered";
        /** @enum {string} */
        CustodyKindInput: "acquired" | "hashed" | "timestamped" | "timestamp-pending" | "timestamp-failed" | "viewed" | "downloaded" | "exported" | "transmitted" | "received" | "sealed" | "released" | "working-copy" | "download-requested" | "download-approved" | "consent-asked" | "consent-answered";
        CustodyLog: {
            events: components["schemas"]["CustodyEvent"][];
            verification: {
                ok: boolean;
                problems: {
                    kind: string;
                    reason: string;
                    seq: number;
                }[];
            };
        };
        CustodyLogInput: {
            events: components["schemas"]["CustodyEventInput"][];
            verification: {
                ok: boolean;
                problems: {
                    kind: string;
                    reason: string;
                    seq: number;
                }[];
            };
        };
        DeclaredCentralAuthority: {
            address: string;
            channels: string[];
            instrument: string;
            languages: string[];
            name: string;
        };
        DeclaredCentralAuthorityInput: {
            address: string;
            channels: string[];
            instrument: string;
            languages: string[];
            name: string;
        };
        DeclaredDeclaration: {
            article: string;
            /** @enum {string} */
            effect: "treaty-basis-for-extradition" | "no-treaty-basis-for-extradition" | "territorial-exclusion" | "other";
            instrument: string;
            text: string;
        };
        DeclaredDeclarationInput: {
            article: string;
            /** @enum {string} */
            effect: "treaty-basis-for-extradition" | "no-treaty-basis-for-extradition" | "territorial-exclusion" | "other";
            instrument: string;
            text: string;
        };
        DeclaredDisagreement: {
            authority: string;
            /** @description the declared fact */
            declared: unknown;
            /** @description what the depositary data holds (null when nothing) */
            depositary: unknown;
            instrument: string;
            /** @enum {string} */
            kind: "not-party-per-depositary" | "party-per-depositary" | "different-dates" | "extradition-basis" | "treaty-dates" | "unknown-instrument";
            message: string;
            nodeId: string;
            provenance: string;
            state: string;
        };
        DeclaredDisagreementInput: {
            authority: string;
            /** @description the declared fact */
            declared: unknown;
            /** @description what the depositary data holds (null when nothing) */
            depositary: unknown;
            instrument: string;
            /** @enum {string} */
            kind: "not-party-per-depositary" | "party-per-depositary" | "different-dates" | "extradition-basis" | "treaty-dates" | "unknown-instrument";
            message: string;
            nodeId: string;
            provenance: string;
            state: string;
        };
        DeclaredDisagreementList: {
            items: components["schemas"]["DeclaredDisagreement"][];
        };
        DeclaredDisagreementListInput: {
            items: components["schemas"]["DeclaredDisagreementInput"][];
        };
        DeclaredFacts: {
            authority: string;
            centralAuthorities: components["schemas"]["DeclaredCentralAuthority"][];
            channels: string[];
            declarations: components["schemas"]["DeclaredDeclaration"][];
            languages: string[];
            nodeId: string;
            participations: components["schemas"]["DeclaredParticipation"][];
            /** Format: date-time */
            signedAt: string;
            state: string;
            treaties: components["schemas"]["DeclaredTreaty"][];
            /** @constant */
            v: 1;
            version: number;
        };
        /** @description The facts a node declares about its own State */
        DeclaredFactsContent: {
            centralAuthorities: components["schemas"]["DeclaredCentralAuthority"][];
            channels: string[];
            declarations: components["schemas"]["DeclaredDeclaration"][];
            languages: string[];
            participations: components["schemas"]["DeclaredParticipation"][];
            treaties: components["schemas"]["DeclaredTreaty"][];
        };
        /** @description The facts a node declares about its own State */
        DeclaredFactsContentInput: {
            centralAuthorities: components["schemas"]["DeclaredCentralAuthorityInput"][];
            channels: string[];
            declarations: components["schemas"]["DeclaredDeclarationInput"][];
            languages: string[];
            participations: components["schemas"]["DeclaredParticipationInput"][];
            treaties: components["schemas"]["DeclaredTreatyInput"][];
        };
        DeclaredFactsDraft: {
            content: components["schemas"]["DeclaredFactsContent"];
            /** @description ISO 8601 date-time */
            editedAt: string;
            editedBy: string | null;
            /** @enum {string} */
            status: "draft" | "submitted";
            submittedAt: string | null;
            submittedBy: string | null;
        };
        DeclaredFactsDraftInput: {
            content: components["schemas"]["DeclaredFactsContentInput"];
            /** @description ISO 8601 date-time */
            editedAt: string;
            editedBy: string | null;
            /** @enum {string} */
            status: "draft" | "submitted";
            submittedAt: string | null;
            submittedBy: string | null;
        };
        DeclaredFactsInput: {
            authority: string;
            centralAuthorities: components["schemas"]["DeclaredCentralAuthorityInput"][];
            channels: string[];
            declarations: components["schemas"]["DeclaredDeclarationInput"][];
            languages: string[];
            nodeId: string;
            participations: components["schemas"]["DeclaredParticipationInput"][];
            /** Format: date-time */
            signedAt: string;
            state: string;
            treaties: components["schemas"]["DeclaredTreatyInput"][];
            /** @constant */
            v: 1;
            version: number;
        };
        DeclaredFactsList: {
            items: components["schemas"]["ReceivedFacts"][];
        };
        DeclaredFactsListInput: {
            items: components["schemas"]["ReceivedFactsInput"][];
        };
        DeclaredParticipation: {
            consent: string | null;
            /** @enum {string} */
            consentKind: "ratification" | "accession" | "acceptance" | "approval" | "succession" | "definitive-signature" | "unknown";
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            denunciation?: string;
            entryIntoForce: string | null;
            instrument: string;
        };
        DeclaredParticipationInput: {
            consent: string | null;
            /** @enum {string} */
            consentKind: "ratification" | "accession" | "acceptance" | "approval" | "succession" | "definitive-signature" | "unknown";
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            denunciation?: string;
            entryIntoForce: string | null;
            instrument: string;
        };
        DeclaredTreaty: {
            articles: {
                heading: string;
                number: string;
                text?: string;
            }[];
            cooperation: {
                [key: string]: {
                    articles: string[];
                    notes?: string;
                };
            };
            /** @description In force for the declaring State (bilateral: between the two) since; null when not in force or not known */
            entryIntoForce: string | null;
            id: string;
            /** @enum {string} */
            kind: "bilateral" | "regional";
            /** @description Offence ids, or '*any-offence' / '*any-extraditable' */
            offences: string[];
            parties: string[];
            signed: string | null;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            terminated?: string;
            title: string;
        };
        DeclaredTreatyInput: {
            articles: {
                heading: string;
                number: string;
                text?: string;
            }[];
            cooperation: {
                [key: string]: {
                    articles: string[];
                    notes?: string;
                };
            };
            /** @description In force for the declaring State (bilateral: between the two) since; null when not in force or not known */
            entryIntoForce: string | null;
            id: string;
            /** @enum {string} */
            kind: "bilateral" | "regional";
            /** @description Offence ids, or '*any-offence' / '*any-extraditable' */
            offences: string[];
            parties: string[];
            signed: string | null;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            terminated?: string;
            title: string;
        };
        /** @description Denied attempts per user, from the audit trail */
        DeniedAttemptsReport: {
            recent: {
                action: string;
                at: string;
                email: string | null;
                reason: string;
                reference: string | null;
                rule: string;
                target: string;
            }[];
            users: {
                byRule: {
                    [key: string]: number;
                };
                count: number;
                email: string | null;
                last: string;
                userId: string | null;
            }[];
        };
        /** @description Denied attempts per user, from the audit trail */
        DeniedAttemptsReportInput: {
            recent: {
                action: string;
                at: string;
                email: string | null;
                reason: string;
                reference: string | null;
                rule: string;
                target: string;
            }[];
            users: {
                byRule: {
                    [key: string]: number;
                };
                count: number;
                email: string | null;
                last: string;
                userId: string | null;
            }[];
        };
        DirectoryAuthority: {
            address: string | null;
            /** @description The article of the designation, e.g. art. 46(13); null when the text does not say */
            article: string | null;
            asOf: string | null;
            channel: components["schemas"]["TransmissionChannel"] | null;
            declarationText: string | null;
            email: string | null;
            /** @description Prefixed by its source: admin:<uuid>, peer:<node id>, treaty:<declaration id> */
            id: string;
            /** @description The treaty of the designation */
            instrument: string | null;
            languages: string[];
            /** @description Null when the declaration does not name it plainly: read declarationText */
            name: string | null;
            /** @description Its node, when it has one (peer-node entries) */
            nodeId: string | null;
            notes: string | null;
            /** @description Where the entry comes from */
            provenance: string;
            /** @description Whether a request can be addressed to it */
            selectable: boolean;
            source: components["schemas"]["AuthoritySource"];
            state: string;
            /** @description administrator entries: for PATCH */
            version?: number;
        };
        DirectoryAuthorityInput: {
            address: string | null;
            /** @description The article of the designation, e.g. art. 46(13); null when the text does not say */
            article: string | null;
            asOf: string | null;
            channel: components["schemas"]["TransmissionChannelInput"] | null;
            declarationText: string | null;
            email: string | null;
            /** @description Prefixed by its source: admin:<uuid>, peer:<node id>, treaty:<declaration id> */
            id: string;
            /** @description The treaty of the designation */
            instrument: string | null;
            languages: string[];
            /** @description Null when the declaration does not name it plainly: read declarationText */
            name: string | null;
            /** @description Its node, when it has one (peer-node entries) */
            nodeId: string | null;
            notes: string | null;
            /** @description Where the entry comes from */
            provenance: string;
            /** @description Whether a request can be addressed to it */
            selectable: boolean;
            source: components["schemas"]["AuthoritySourceInput"];
            state: string;
            /** @description administrator entries: for PATCH */
            version?: number;
        };
        /** @description A counterpart authority on a trusted peer node */
        DirectoryEntry: {
            kind: string;
            languages: string[];
            name: string;
            nodeId: string;
            requestTypes: string[];
            state: string;
        };
        /** @description A counterpart authority on a trusted peer node */
        DirectoryEntryInput: {
            kind: string;
            languages: string[];
            name: string;
            nodeId: string;
            requestTypes: string[];
            state: string;
        };
        DocumentCheck: {
            /** @enum {string} */
            lang: "en" | "fr" | "es" | "ar" | "ru" | "zh";
            /** @description Free text that seems to be in another language than the letter (script, then stop words), a signatory without a title */
            warnings: components["schemas"]["LetterWarning"][];
        };
        DocumentCheckInput: {
            /** @enum {string} */
            lang: "en" | "fr" | "es" | "ar" | "ru" | "zh";
            /** @description Free text that seems to be in another language than the letter (script, then stop words), a signatory without a title */
            warnings: components["schemas"]["LetterWarningInput"][];
        };
        DownloadApprovalBody: {
            reason: string;
            /** @description The custody event of the download request this approval answers (you must be the approver it names) */
            requestSeq?: number;
            /**
             * Format: uuid
             * @description Who may download the sealed item once
             */
            userId: string;
        };
        DownloadApprovalBodyInput: {
            reason: string;
            /** @description The custody event of the download request this approval answers (you must be the approver it names) */
            requestSeq?: number;
            /**
             * Format: uuid
             * @description Who may download the sealed item once
             */
            userId: string;
        };
        DownloadRequest: {
            approver: {
                email: string;
                /** Format: uuid */
                id: string;
            };
            at: string;
            reason: string;
            requester: {
                email: string;
                /** Format: uuid */
                id: string;
            };
            /** @description The custody event of the request */
            seq: number;
        };
        DownloadRequestBody: {
            /**
             * Format: uuid
             * @description The supervisor asked to approve (one of GET /api/v1/evidence/{id}/approvers)
             */
            approverId: string;
            /** @description Why you need a copy of the sealed item */
            reason: string;
        };
        DownloadRequestBodyInput: {
            /**
             * Format: uuid
             * @description The supervisor asked to approve (one of GET /api/v1/evidence/{id}/approvers)
             */
            approverId: string;
            /** @description Why you need a copy of the sealed item */
            reason: string;
        };
        DownloadRequestInput: {
            approver: {
                email: string;
                /** Format: uuid */
                id: string;
            };
            at: string;
            reason: string;
            requester: {
                email: string;
                /** Format: uuid */
                id: string;
            };
            /** @description The custody event of the request */
            seq: number;
        };
        DownloadRequestList: {
            /** @description Requests since the item was last sealed that no approval answered yet, oldest first */
            items: components["schemas"]["DownloadRequest"][];
        };
        DownloadRequestListInput: {
            /** @description Requests since the item was last sealed that no approval answered yet, oldest first */
            items: components["schemas"]["DownloadRequestInput"][];
        };
        /** @description An active supervisor of the item’s organisation other than you */
        EligibleApprover: {
            email: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        /** @description An active supervisor of the item’s organisation other than you */
        EligibleApproverInput: {
            email: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        EligibleApproverList: {
            items: components["schemas"]["EligibleApprover"][];
        };
        EligibleApproverListInput: {
            items: components["schemas"]["EligibleApproverInput"][];
        };
        Entity: {
            /** @description null when withheld */
            caption: string | null;
            /** Format: uuid */
            caseId: string;
            caseReference: string;
            createdAt: string;
            editable: boolean;
            ftmId: string;
            /** Format: uuid */
            id: string;
            /** @description An FtM edge (Ownership, Payment, …) between two entities */
            isLink: boolean;
            /** @description For a link: the properties naming its two ends */
            link: {
                directed: boolean;
                label: string;
                source: string;
                target: string;
            } | null;
            /** @description Effective: the entity’s own and its case’s */
            marking: components["schemas"]["Marking"];
            mentions: components["schemas"]["EntityMention"][];
            ownMarking: components["schemas"]["Marking"];
            /** @description null when withheld */
            properties: {
                [key: string]: string[];
            } | null;
            /** @description The entities its entity-typed properties name */
            references: {
                caption: string;
                ftmId: string;
                /** Format: uuid */
                id: string;
                property: string;
                schema: string;
            }[];
            schema: string;
            sources: string[];
            updatedAt: string;
            version: number;
            /** @description Why the release policy keeps this entity from you */
            withheld: {
                citation: string;
                reason: string;
                rule: string;
            } | null;
        };
        EntityDeleted: {
            /** @description The entity and the links that joined it to others */
            deleted: string[];
        };
        EntityDeletedInput: {
            /** @description The entity and the links that joined it to others */
            deleted: string[];
        };
        EntityGraph: {
            edges: {
                caption: string;
                directed: boolean;
                id: string;
                /** @description FtM edge label ("owns") or the property */
                label: string;
                schema: string;
                /** Format: uuid */
                source: string;
                /** Format: uuid */
                target: string;
            }[];
            nodes: {
                caption: string;
                ftmId: string;
                /** Format: uuid */
                id: string;
                schema: string;
                withheld: boolean;
            }[];
            /** @description More was reachable than the limit allowed */
            truncated: boolean;
        };
        EntityGraphInput: {
            edges: {
                caption: string;
                directed: boolean;
                id: string;
                /** @description FtM edge label ("owns") or the property */
                label: string;
                schema: string;
                /** Format: uuid */
                source: string;
                /** Format: uuid */
                target: string;
            }[];
            nodes: {
                caption: string;
                ftmId: string;
                /** Format: uuid */
                id: string;
                schema: string;
                withheld: boolean;
            }[];
            /** @description More was reachable than the limit allowed */
            truncated: boolean;
        };
        EntityImportBody: {
            /** @description FtM JSON lines, or CSV with a header line */
            content: string;
            /** @enum {string} */
            format: "ftm" | "csv";
            /** @description Required for csv */
            mapping?: components["schemas"]["CsvMapping"];
            marking?: components["schemas"]["EntityMarkingInput"];
            /** @description Where the information came from */
            sources?: string[];
        };
        EntityImportBodyInput: {
            /** @description FtM JSON lines, or CSV with a header line */
            content: string;
            /** @enum {string} */
            format: "ftm" | "csv";
            /** @description Required for csv */
            mapping?: components["schemas"]["CsvMappingInput"];
            marking?: components["schemas"]["EntityMarkingInputInput"];
            /** @description Where the information came from */
            sources?: string[];
        };
        EntityImportResult: {
            created: number;
            updated: number;
        };
        EntityImportResultInput: {
            created: number;
            updated: number;
        };
        EntityInput: {
            /** @description null when withheld */
            caption: string | null;
            /** Format: uuid */
            caseId: string;
            caseReference: string;
            createdAt: string;
            editable: boolean;
            ftmId: string;
            /** Format: uuid */
            id: string;
            /** @description An FtM edge (Ownership, Payment, …) between two entities */
            isLink: boolean;
            /** @description For a link: the properties naming its two ends */
            link: {
                directed: boolean;
                label: string;
                source: string;
                target: string;
            } | null;
            /** @description Effective: the entity’s own and its case’s */
            marking: components["schemas"]["MarkingInput"];
            mentions: components["schemas"]["EntityMentionInput"][];
            ownMarking: components["schemas"]["MarkingInput"];
            /** @description null when withheld */
            properties: {
                [key: string]: string[];
            } | null;
            /** @description The entities its entity-typed properties name */
            references: {
                caption: string;
                ftmId: string;
                /** Format: uuid */
                id: string;
                property: string;
                schema: string;
            }[];
            schema: string;
            sources: string[];
            updatedAt: string;
            version: number;
            /** @description Why the release policy keeps this entity from you */
            withheld: {
                citation: string;
                reason: string;
                rule: string;
            } | null;
        };
        EntityList: {
            items: components["schemas"]["EntitySummary"][];
            total: number;
        };
        EntityListInput: {
            items: components["schemas"]["EntitySummaryInput"][];
            total: number;
        };
        /** @description The entity’s own marking; its case’s when absent (the stricter always applies) */
        EntityMarkingInput: {
            handling?: components["schemas"]["HandlingCode"];
            handlingNote?: string;
            tlp: components["schemas"]["TlpMarking"];
        };
        /** @description The entity’s own marking; its case’s when absent (the stricter always applies) */
        EntityMarkingInputInput: {
            handling?: components["schemas"]["HandlingCodeInput"];
            handlingNote?: string;
            tlp: components["schemas"]["TlpMarkingInput"];
        };
        EntityMention: {
            createdAt: string;
            evidenceId: string | null;
            /** Format: uuid */
            id: string;
            note: string;
            requestId: string | null;
        };
        /** @description A request or an evidence item (one of them) */
        EntityMentionBody: {
            /** Format: uuid */
            evidenceId?: string;
            note?: string;
            /** Format: uuid */
            requestId?: string;
        };
        /** @description A request or an evidence item (one of them) */
        EntityMentionBodyInput: {
            /** Format: uuid */
            evidenceId?: string;
            note?: string;
            /** Format: uuid */
            requestId?: string;
        };
        EntityMentionInput: {
            createdAt: string;
            evidenceId: string | null;
            /** Format: uuid */
            id: string;
            note: string;
            requestId: string | null;
        };
        /**
         * @description An FtM schema a case holds (things and people, and the links between them)
         * @enum {string}
         */
        EntitySchema: "Person" | "Organization" | "Company" | "Vessel" | "Vehicle" | "Airplane" | "Address" | "BankAccount" | "CryptoWallet" | "UserAccount" | "Passport" | "Identification" | "Ownership" | "Directorship" | "Family" | "Associate" | "Payment" | "UnknownLink";
        /**
         * @description An FtM schema a case holds (things and people, and the links between them)
         * @enum {string}
         */
        EntitySchemaInput: "Person" | "Organization" | "Company" | "Vessel" | "Vehicle" | "Airplane" | "Address" | "BankAccount" | "CryptoWallet" | "UserAccount" | "Passport" | "Identification" | "Ownership" | "Directorship" | "Family" | "Associate" | "Payment" | "UnknownLink";
        EntitySummary: {
            /** @description null when withheld */
            caption: string | null;
            /** Format: uuid */
            caseId: string;
            createdAt: string;
            ftmId: string;
            /** Format: uuid */
            id: string;
            /** @description An FtM edge (Ownership, Payment, …) between two entities */
            isLink: boolean;
            /** @description Effective: the entity’s own and its case’s */
            marking: components["schemas"]["Marking"];
            /** @description null when withheld */
            properties: {
                [key: string]: string[];
            } | null;
            schema: string;
            updatedAt: string;
            version: number;
            /** @description Why the release policy keeps this entity from you */
            withheld: {
                citation: string;
                reason: string;
                rule: string;
            } | null;
        };
        EntitySummaryInput: {
            /** @description null when withheld */
            caption: string | null;
            /** Format: uuid */
            caseId: string;
            createdAt: string;
            ftmId: string;
            /** Format: uuid */
            id: string;
            /** @description An FtM edge (Ownership, Payment, …) between two entities */
            isLink: boolean;
            /** @description Effective: the entity’s own and its case’s */
            marking: components["schemas"]["MarkingInput"];
            /** @description null when withheld */
            properties: {
                [key: string]: string[];
            } | null;
            schema: string;
            updatedAt: string;
            version: number;
            /** @description Why the release policy keeps this entity from you */
            withheld: {
                citation: string;
                reason: string;
                rule: string;
            } | null;
        };
        /** @description A signed, end-to-end encrypted federation message (protocol version 1). */
        Envelope: {
            encrypted: components["schemas"]["SealedPayload"];
            header: components["schemas"]["EnvelopeHeader"];
            signature: components["schemas"]["EnvelopeSignature"];
        };
        EnvelopeHeader: {
            conversationId: string;
            /** Format: date-time */
            createdAt: string;
            inReplyTo: string | null;
            /** @enum {string} */
            marking: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            messageId: string;
            recipient: string;
            sender: string;
            sequence?: number;
            type: string;
            /** @constant */
            v: 1;
        };
        EnvelopeHeaderInput: {
            conversationId: string;
            /** Format: date-time */
            createdAt: string;
            inReplyTo: string | null;
            /** @enum {string} */
            marking: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            messageId: string;
            recipient: string;
            sender: string;
            sequence?: number;
            type: string;
            /** @constant */
            v: 1;
        };
        /** @description A signed, end-to-end encrypted federation message (protocol version 1). */
        EnvelopeInput: {
            encrypted: components["schemas"]["SealedPayloadInput"];
            header: components["schemas"]["EnvelopeHeaderInput"];
            signature: components["schemas"]["EnvelopeSignatureInput"];
        };
        EnvelopeSignature: {
            /** @constant */
            alg: "Ed25519";
            keyId: string;
            value: string;
        };
        EnvelopeSignatureInput: {
            /** @constant */
            alg: "Ed25519";
            keyId: string;
            value: string;
        };
        EvidenceItem: {
            capturedBy: {
                email: string | null;
                id: string;
            } | null;
            caseId: string | null;
            createdAt: string;
            custody: {
                events: number;
                head: string;
            };
            derivedFrom: string | null;
            description: string;
            filename: string | null;
            /** Format: uuid */
            id: string;
            /** @description The effective marking: the item’s own and its case’s or request’s */
            marking: components["schemas"]["Marking"];
            /** @description Detected from the content, never from the name */
            mediaType: string;
            /** @description What the uploader said; not used */
            mediaTypeHint: string | null;
            /**
             * @description How the item page can show the content
             * @enum {string}
             */
            preview: "image" | "pdf" | "video" | "audio" | "text" | "none";
            requestId: string | null;
            /** @enum {string} */
            role: "original" | "working-copy";
            sealed: {
                at: string;
                by: string | null;
            } | null;
            sha256: string;
            /** @description Added by a background job after the upload */
            sha512: string | null;
            size: number;
            source: components["schemas"]["EvidenceSource"];
            timestampState: string;
            title: string;
        };
        EvidenceItemInput: {
            capturedBy: {
                email: string | null;
                id: string;
            } | null;
            caseId: string | null;
            createdAt: string;
            custody: {
                events: number;
                head: string;
            };
            derivedFrom: string | null;
            description: string;
            filename: string | null;
            /** Format: uuid */
            id: string;
            /** @description The effective marking: the item’s own and its case’s or request’s */
            marking: components["schemas"]["MarkingInput"];
            /** @description Detected from the content, never from the name */
            mediaType: string;
            /** @description What the uploader said; not used */
            mediaTypeHint: string | null;
            /**
             * @description How the item page can show the content
             * @enum {string}
             */
            preview: "image" | "pdf" | "video" | "audio" | "text" | "none";
            requestId: string | null;
            /** @enum {string} */
            role: "original" | "working-copy";
            sealed: {
                at: string;
                by: string | null;
            } | null;
            sha256: string;
            /** @description Added by a background job after the upload */
            sha512: string | null;
            size: number;
            source: components["schemas"]["EvidenceSourceInput"];
            timestampState: string;
            title: string;
        };
        EvidenceList: {
            items: components["schemas"]["EvidenceItem"][];
        };
        EvidenceListInput: {
            items: components["schemas"]["EvidenceItemInput"][];
        };
        /** @description The item’s own marking; its case’s or request’s when absent (the stricter always applies) */
        EvidenceMarkingInput: {
            handling?: components["schemas"]["HandlingCode"];
            handlingNote?: string;
            tlp: components["schemas"]["TlpMarking"];
        };
        /** @description The item’s own marking; its case’s or request’s when absent (the stricter always applies) */
        EvidenceMarkingInputInput: {
            handling?: components["schemas"]["HandlingCodeInput"];
            handlingNote?: string;
            tlp: components["schemas"]["TlpMarkingInput"];
        };
        EvidenceOfferPayload: {
            content: {
                /** @constant */
                alg: "A256GCM-CHUNKED-v1";
                chunkCount: number;
                chunkSha256: string[];
                chunkSize: number;
                key: string;
            };
            conversationId: string;
            item: {
                custody: {
                    [key: string]: components["schemas"]["JsonValue"];
                }[];
                description: string | null;
                /** Format: uuid */
                id: string;
                mediaType: string;
                sha256: string;
                sha512: string | null;
                size: number;
                source: string;
                timestamps: {
                    token: string;
                    tsa: string;
                }[];
                title: string;
            };
            limitations: components["schemas"]["TransferLimitations"];
            /** @enum {string} */
            sentWith: "transmit" | "execute" | "partially-execute" | "provide-more-info";
            /** Format: uuid */
            transferId: string;
            /** @constant */
            v: 1;
        };
        EvidenceOfferPayloadInput: {
            content: {
                /** @constant */
                alg: "A256GCM-CHUNKED-v1";
                chunkCount: number;
                chunkSha256: string[];
                chunkSize: number;
                key: string;
            };
            conversationId: string;
            item: {
                custody: {
                    [key: string]: components["schemas"]["JsonValueInput"];
                }[];
                description: string | null;
                /** Format: uuid */
                id: string;
                mediaType: string;
                sha256: string;
                sha512: string | null;
                size: number;
                source: string;
                timestamps: {
                    token: string;
                    tsa: string;
                }[];
                title: string;
            };
            limitations: components["schemas"]["TransferLimitationsInput"];
            /** @enum {string} */
            sentWith: "transmit" | "execute" | "partially-execute" | "provide-more-info";
            /** Format: uuid */
            transferId: string;
            /** @constant */
            v: 1;
        };
        EvidenceOfferResult: {
            missing: number;
            /** @enum {string} */
            state: "receiving" | "accepted" | "refused";
            /** Format: uuid */
            transferId: string;
        };
        EvidenceOfferResultInput: {
            missing: number;
            /** @enum {string} */
            state: "receiving" | "accepted" | "refused";
            /** Format: uuid */
            transferId: string;
        };
        EvidencePackageContents: {
            id: string;
            items: {
                id: string;
                mediaType: string;
                sha256: string;
                /** @description bytes */
                size: number;
                title: string;
            }[];
            kind: components["schemas"]["EvidencePackageKind"];
            /** @description Sum of the items’ sizes (the ZIP adds the reports, custody logs and tokens) */
            totalBytes: number;
        };
        EvidencePackageContentsInput: {
            id: string;
            items: {
                id: string;
                mediaType: string;
                sha256: string;
                /** @description bytes */
                size: number;
                title: string;
            }[];
            kind: components["schemas"]["EvidencePackageKindInput"];
            /** @description Sum of the items’ sizes (the ZIP adds the reports, custody logs and tokens) */
            totalBytes: number;
        };
        /** @enum {string} */
        EvidencePackageKind: "item" | "case" | "request";
        /** @enum {string} */
        EvidencePackageKindInput: "item" | "case" | "request";
        /** @description How the item came to this node; captured: url; received: nodeId; working-copy: fromItemId */
        EvidenceSource: {
            /** @enum {string} */
            kind: "uploaded" | "captured" | "received" | "working-copy";
        } & {
            [key: string]: unknown;
        };
        /** @description How the item came to this node; captured: url; received: nodeId; working-copy: fromItemId */
        EvidenceSourceInput: {
            /** @enum {string} */
            kind: "uploaded" | "captured" | "received" | "working-copy";
        } & {
            [key: string]: unknown;
        };
        EvidenceTimestamp: {
            attempts: number;
            error: string | null;
            /** @description unavailable, rejected, bad_response, or a token check that failed (imprint_mismatch, nonce_mismatch, untrusted_chain …) */
            errorReason: string | null;
            /** @description granted: the authority's time (TSTInfo genTime) */
            genTime: string | null;
            /** Format: uuid */
            id: string;
            /** @description pending: when the authority is asked again */
            nextAttemptAt: string | null;
            policy: string | null;
            /** @description granted: the token serial number, hexadecimal */
            serial: string | null;
            /** @description The TSA certificate's subject */
            signer: string | null;
            status: components["schemas"]["EvidenceTimestampStatus"];
            /** @description granted: the token (CMS ContentInfo, DER), base64 */
            token: string | null;
            tsaName: string | null;
            /** @description The time-stamp authority asked (COMITY_TSA_URLS) */
            tsaUrl: string;
            /** @description granted: the token checked again now, against the item's SHA-256 and the configured roots */
            verified: ({
                /** @constant */
                ok: true;
            } | {
                message: string;
                /** @constant */
                ok: false;
                /** @enum {string} */
                reason: "malformed_token" | "not_a_timestamp" | "imprint_algorithm" | "imprint_mismatch" | "nonce_mismatch" | "signer_not_found" | "signed_attributes" | "content_digest_mismatch" | "signature_invalid" | "signer_not_valid_at_time" | "signer_eku" | "signing_certificate_mismatch" | "untrusted_chain" | "no_roots" | "crypto_unavailable";
            }) | null;
        };
        EvidenceTimestampInput: {
            attempts: number;
            error: string | null;
            /** @description unavailable, rejected, bad_response, or a token check that failed (imprint_mismatch, nonce_mismatch, untrusted_chain …) */
            errorReason: string | null;
            /** @description granted: the authority's time (TSTInfo genTime) */
            genTime: string | null;
            /** Format: uuid */
            id: string;
            /** @description pending: when the authority is asked again */
            nextAttemptAt: string | null;
            policy: string | null;
            /** @description granted: the token serial number, hexadecimal */
            serial: string | null;
            /** @description The TSA certificate's subject */
            signer: string | null;
            status: components["schemas"]["EvidenceTimestampStatusInput"];
            /** @description granted: the token (CMS ContentInfo, DER), base64 */
            token: string | null;
            tsaName: string | null;
            /** @description The time-stamp authority asked (COMITY_TSA_URLS) */
            tsaUrl: string;
            /** @description granted: the token checked again now, against the item's SHA-256 and the configured roots */
            verified: ({
                /** @constant */
                ok: true;
            } | {
                message: string;
                /** @constant */
                ok: false;
                /** @enum {string} */
                reason: "malformed_token" | "not_a_timestamp" | "imprint_algorithm" | "imprint_mismatch" | "nonce_mismatch" | "signer_not_found" | "signed_attributes" | "content_digest_mismatch" | "signature_invalid" | "signer_not_valid_at_time" | "signer_eku" | "signing_certificate_mismatch" | "untrusted_chain" | "no_roots" | "crypto_unavailable";
            }) | null;
        };
        EvidenceTimestampList: {
            summary: components["schemas"]["EvidenceTimestampSummary"];
            timestamps: components["schemas"]["EvidenceTimestamp"][];
        };
        EvidenceTimestampListInput: {
            summary: components["schemas"]["EvidenceTimestampSummaryInput"];
            timestamps: components["schemas"]["EvidenceTimestampInput"][];
        };
        /**
         * @description pending: the authority has not answered yet and is asked again with back-off; granted: a token that verified; failed: an answer that will not verify, or no answer after every attempt
         * @enum {string}
         */
        EvidenceTimestampStatus: "pending" | "granted" | "failed";
        /**
         * @description pending: the authority has not answered yet and is asked again with back-off; granted: a token that verified; failed: an answer that will not verify, or no answer after every attempt
         * @enum {string}
         */
        EvidenceTimestampStatusInput: "pending" | "granted" | "failed";
        /**
         * @description granted when some authority granted a token; pending while one is still being asked ("timestamp pending"); failed when every authority failed; none when no authority is configured
         * @enum {string}
         */
        EvidenceTimestampSummary: "none" | "pending" | "granted" | "failed";
        /**
         * @description granted when some authority granted a token; pending while one is still being asked ("timestamp pending"); failed when every authority failed; none when no authority is configured
         * @enum {string}
         */
        EvidenceTimestampSummaryInput: "none" | "pending" | "granted" | "failed";
        EvidenceTransferList: {
            items: components["schemas"]["EvidenceTransferView"][];
        };
        EvidenceTransferListInput: {
            items: components["schemas"]["EvidenceTransferViewInput"][];
        };
        EvidenceTransferView: {
            completedAt: string | null;
            createdAt: string;
            /** @enum {string} */
            direction: "sent" | "received";
            peer: {
                authority: string | null;
                nodeId: string;
            };
            progress: number | null;
            refusal: string | null;
            sentWith: string;
            /** @enum {string} */
            state: "offered" | "sending" | "accepted" | "refused";
            /** Format: uuid */
            transferId: string;
        };
        EvidenceTransferViewInput: {
            completedAt: string | null;
            createdAt: string;
            /** @enum {string} */
            direction: "sent" | "received";
            peer: {
                authority: string | null;
                nodeId: string;
            };
            progress: number | null;
            refusal: string | null;
            sentWith: string;
            /** @enum {string} */
            state: "offered" | "sending" | "accepted" | "refused";
            /** Format: uuid */
            transferId: string;
        };
        EvidenceUpload: {
            expiresAt: string;
            /** Format: uuid */
            id: string;
            itemId: string | null;
            length: number;
            received: number;
            /** @enum {string} */
            state: "open" | "complete" | "expired";
        };
        EvidenceUploadInput: {
            expiresAt: string;
            /** Format: uuid */
            id: string;
            itemId: string | null;
            length: number;
            received: number;
            /** @enum {string} */
            state: "open" | "complete" | "expired";
        };
        FederatedCulturalRecord: {
            images: {
                /** @description The perceptual hashes of the photo and of its rotation and crop variants */
                hashes: string[];
                /** Format: uuid */
                id: string;
                /** @description A JPEG thumbnail (at most 320 pixels a side), standard base64 */
                thumbnail: string;
            }[];
            legalStatus: components["schemas"]["CulturalLegalStatus"];
            objectId: {
                dateOrPeriod?: string;
                description?: string;
                distinguishingFeatures?: string;
                inscriptions?: string;
                maker?: string;
                materials?: string;
                measurements?: string;
                subject?: string;
                techniques?: string;
            };
            objectType: string;
            reference: string;
            reportingAuthority: string;
            theft: {
                country?: string;
                date?: string;
                /** @enum {string} */
                kind: "theft" | "excavation";
                place?: string;
            } | null;
            title: string;
        };
        FederatedCulturalRecordInput: {
            images: {
                /** @description The perceptual hashes of the photo and of its rotation and crop variants */
                hashes: string[];
                /** Format: uuid */
                id: string;
                /** @description A JPEG thumbnail (at most 320 pixels a side), standard base64 */
                thumbnail: string;
            }[];
            legalStatus: components["schemas"]["CulturalLegalStatusInput"];
            objectId: {
                dateOrPeriod?: string;
                description?: string;
                distinguishingFeatures?: string;
                inscriptions?: string;
                maker?: string;
                materials?: string;
                measurements?: string;
                subject?: string;
                techniques?: string;
            };
            objectType: string;
            reference: string;
            reportingAuthority: string;
            theft: {
                country?: string;
                date?: string;
                /** @enum {string} */
                kind: "theft" | "excavation";
                place?: string;
            } | null;
            title: string;
        };
        FederationMessage: {
            /** @description ISO 8601 date-time */
            at: string;
            attempts: number | null;
            conversationId: string;
            /** @enum {string} */
            direction: "outbound" | "inbound";
            lastError: string | null;
            messageId: string;
            nextAttemptAt: string | null;
            note: string | null;
            peerName: string | null;
            peerNodeId: string | null;
            receipt: {
                /** @description ISO 8601 date-time */
                receivedAt: string;
                signedBy: string;
            } | null;
            /** @description Position in its conversation to or from that peer */
            sequence: number | null;
            /** @description Received messages only: gap = numbers missing before it (skipped by the sender, or still to come); late = not after the highest received */
            sequenceFlag: ("gap" | "late") | null;
            /**
             * @description refused: the peer refused it for good and its conversation went on (an evidence offer)
             * @enum {string}
             */
            state: "pending" | "delivered" | "failed" | "skipped" | "refused" | "received";
            type: string;
        };
        FederationMessageInput: {
            /** @description ISO 8601 date-time */
            at: string;
            attempts: number | null;
            conversationId: string;
            /** @enum {string} */
            direction: "outbound" | "inbound";
            lastError: string | null;
            messageId: string;
            nextAttemptAt: string | null;
            note: string | null;
            peerName: string | null;
            peerNodeId: string | null;
            receipt: {
                /** @description ISO 8601 date-time */
                receivedAt: string;
                signedBy: string;
            } | null;
            /** @description Position in its conversation to or from that peer */
            sequence: number | null;
            /** @description Received messages only: gap = numbers missing before it (skipped by the sender, or still to come); late = not after the highest received */
            sequenceFlag: ("gap" | "late") | null;
            /**
             * @description refused: the peer refused it for good and its conversation went on (an evidence offer)
             * @enum {string}
             */
            state: "pending" | "delivered" | "failed" | "skipped" | "refused" | "received";
            type: string;
        };
        /**
         * @description H0 no restriction within law enforcement; H1 not as evidence without permission; H2 not to be disseminated without permission; H3 other restrictions (handlingNote)
         * @enum {string}
         */
        HandlingCode: "H0" | "H1" | "H2" | "H3";
        /**
         * @description H0 no restriction within law enforcement; H1 not as evidence without permission; H2 not to be disseminated without permission; H3 other restrictions (handlingNote)
         * @enum {string}
         */
        HandlingCodeInput: "H0" | "H1" | "H2" | "H3";
        HitList: {
            items: components["schemas"]["HitView"][];
        };
        HitListInput: {
            items: components["schemas"]["HitViewInput"][];
        };
        HitOffer: {
            maxItemsPerHour: number;
            maxQueriesPerHour: number;
            /** @enum {string} */
            maxTlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            peerNodeId: string;
            schemas: ("Person" | "Organization" | "Company" | "LegalEntity" | "BankAccount" | "Vessel" | "CryptoWallet" | "UserAccount" | "Passport" | "Identification")[];
            suspendedAt: string | null;
            suspendedReason: string | null;
        };
        HitOfferInput: {
            maxItemsPerHour: number;
            maxQueriesPerHour: number;
            /** @enum {string} */
            maxTlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
            peerNodeId: string;
            schemas: ("Person" | "Organization" | "Company" | "LegalEntity" | "BankAccount" | "Vessel" | "CryptoWallet" | "UserAccount" | "Passport" | "Identification")[];
            suspendedAt: string | null;
            suspendedReason: string | null;
        };
        HitOfferList: {
            items: components["schemas"]["HitOffer"][];
        };
        HitOfferListInput: {
            items: components["schemas"]["HitOfferInput"][];
        };
        HitQueryList: {
            items: components["schemas"]["HitQueryView"][];
        };
        HitQueryListInput: {
            items: components["schemas"]["HitQueryViewInput"][];
        };
        HitQueryView: {
            caseId: string | null;
            createdAt: string;
            /** @enum {string} */
            direction: "sent" | "received";
            hits: number | null;
            /** Format: uuid */
            id: string;
            items: number;
            /** @enum {string} */
            kind: "identifiers" | "names";
            offered: number | null;
            peerNodeId: string;
            /**
             * @description sent: waiting → answered; received: answering (pages of the query still due) → answered → matched; expired: pages stopped coming on either side and the query was given up
             * @enum {string}
             */
            state: "waiting" | "answering" | "answered" | "matched" | "expired";
        };
        HitQueryViewInput: {
            caseId: string | null;
            createdAt: string;
            /** @enum {string} */
            direction: "sent" | "received";
            hits: number | null;
            /** Format: uuid */
            id: string;
            items: number;
            /** @enum {string} */
            kind: "identifiers" | "names";
            offered: number | null;
            peerNodeId: string;
            /**
             * @description sent: waiting → answered; received: answering (pages of the query still due) → answered → matched; expired: pages stopped coming on either side and the query was given up
             * @enum {string}
             */
            state: "waiting" | "answering" | "answered" | "matched" | "expired";
        };
        HitView: {
            /** @description The authority that may hold a matching record */
            authority: string;
            caseId: string | null;
            contactReference: string;
            createdAt: string;
            /**
             * @description sent: found by a query of this node; received: a peer’s query found it
             * @enum {string}
             */
            direction: "sent" | "received";
            entityCaption: string | null;
            /**
             * Format: uuid
             * @description Your record that may match
             */
            entityId: string;
            /** Format: uuid */
            id: string;
            ownDisclosure: {
                caseReference?: string;
                contact?: string;
                /** @enum {string} */
                decision: "revealed" | "declined";
            } | null;
            peerDisclosure: {
                caseReference?: string;
                contact?: string;
                /** @enum {string} */
                decision: "revealed" | "declined";
            } | null;
            peerNodeId: string;
            /** @enum {string} */
            state: "pending" | "revealed" | "declined";
        };
        HitViewInput: {
            /** @description The authority that may hold a matching record */
            authority: string;
            caseId: string | null;
            contactReference: string;
            createdAt: string;
            /**
             * @description sent: found by a query of this node; received: a peer’s query found it
             * @enum {string}
             */
            direction: "sent" | "received";
            entityCaption: string | null;
            /**
             * Format: uuid
             * @description Your record that may match
             */
            entityId: string;
            /** Format: uuid */
            id: string;
            ownDisclosure: {
                caseReference?: string;
                contact?: string;
                /** @enum {string} */
                decision: "revealed" | "declined";
            } | null;
            peerDisclosure: {
                caseReference?: string;
                contact?: string;
                /** @enum {string} */
                decision: "revealed" | "declined";
            } | null;
            peerNodeId: string;
            /** @enum {string} */
            state: "pending" | "revealed" | "declined";
        };
        /** @description hits.answer: one page of the query re-blinded and one page of the answering node’s blinded offered set */
        HitsAnswerPayload: {
            doubled: string[];
            offered: string[];
            offeredTotal: number;
            /** @description This page of the answer, from 0 */
            page: number;
            /** @description How many answer pages: max(query pages, offered pages), at least 1 */
            pages: number;
            /** Format: uuid */
            queryId: string;
        };
        /** @description hits.answer: one page of the query re-blinded and one page of the answering node’s blinded offered set */
        HitsAnswerPayloadInput: {
            doubled: string[];
            offered: string[];
            offeredTotal: number;
            /** @description This page of the answer, from 0 */
            page: number;
            /** @description How many answer pages: max(query pages, offered pages), at least 1 */
            pages: number;
            /** Format: uuid */
            queryId: string;
        };
        /** @description hits.disclosure: the owner of a record revealed its case reference and contact, or declined */
        HitsDisclosurePayload: {
            caseReference?: string;
            contact?: string;
            contactReference: string;
            /** @enum {string} */
            decision: "revealed" | "declined";
        };
        /** @description hits.disclosure: the owner of a record revealed its case reference and contact, or declined */
        HitsDisclosurePayloadInput: {
            caseReference?: string;
            contact?: string;
            contactReference: string;
            /** @enum {string} */
            decision: "revealed" | "declined";
        };
        /** @description hits.expired: the sender gave up a half-received query and dropped what it kept of it */
        HitsExpiredPayload: {
            /** Format: uuid */
            queryId: string;
            /**
             * @description Pages of the query, its answer or its matches stopped coming for longer than the sender waits
             * @constant
             */
            reason: "timeout";
        };
        /** @description hits.expired: the sender gave up a half-received query and dropped what it kept of it */
        HitsExpiredPayloadInput: {
            /** Format: uuid */
            queryId: string;
            /**
             * @description Pages of the query, its answer or its matches stopped coming for longer than the sender waits
             * @constant
             */
            reason: "timeout";
        };
        /** @description hits.matched: which offered positions matched (so that the answering node gets the same hits), in pages */
        HitsMatchedPayload: {
            matches: {
                contactReference: string;
                index: number;
            }[];
            /**
             * @description This page of the matches, from 0
             * @default 0
             */
            page: number;
            /**
             * @description How many pages of matches
             * @default 1
             */
            pages: number;
            /** Format: uuid */
            queryId: string;
        };
        /** @description hits.matched: which offered positions matched (so that the answering node gets the same hits), in pages */
        HitsMatchedPayloadInput: {
            matches: {
                contactReference: string;
                index: number;
            }[];
            /**
             * @description This page of the matches, from 0
             * @default 0
             */
            page?: number;
            /**
             * @description How many pages of matches
             * @default 1
             */
            pages?: number;
            /** Format: uuid */
            queryId: string;
        };
        /** @description hits.query: blinded identifiers, or keyed encodings of names with dates of birth */
        HitsQueryPayload: {
            /** @description H(x)^a for each of the querier’s identifiers of this page, in the querier’s order */
            items: string[];
            /**
             * @description Exact identifiers (IBAN, IMO, E.164 phone, e-mail address, passport with country, wallet) by DH-PSI on curve25519
             * @constant
             */
            kind: "identifiers";
            /** @description This page, from 0; every page of a query is blinded under the same scalar */
            page: number;
            /** @description How many pages the query has */
            pages: number;
            /** Format: uuid */
            queryId: string;
            /**
             * @description The PSI suite: hash to curve and exponentiation
             * @enum {string}
             */
            suite: "curve25519-ell2-x25519-v1";
            /** @description How many identifiers the whole query declares (the same on every page): checked against the hourly limit at page 0 */
            total: number;
        } | {
            /** @description One encoding per person of the querier on this page, in the querier’s order */
            encodings: string[];
            /** @description The month (UTC) whose pair secret keyed the encodings (the same on every page) */
            epoch: string;
            /**
             * @description Names with dates of birth as keyed CLK encodings under the pair’s secret of the epoch
             * @constant
             */
            kind: "names";
            /** @description This page, from 0; every page of a query is keyed by the same epoch */
            page: number;
            /** @description How many pages the query has */
            pages: number;
            /** Format: uuid */
            queryId: string;
            /** @description How many people the whole query declares (the same on every page): checked against the hourly limit at the first page received */
            total: number;
        };
        /** @description hits.query: blinded identifiers, or keyed encodings of names with dates of birth */
        HitsQueryPayloadInput: {
            /** @description H(x)^a for each of the querier’s identifiers of this page, in the querier’s order */
            items: string[];
            /**
             * @description Exact identifiers (IBAN, IMO, E.164 phone, e-mail address, passport with country, wallet) by DH-PSI on curve25519
             * @constant
             */
            kind: "identifiers";
            /** @description This page, from 0; every page of a query is blinded under the same scalar */
            page: number;
            /** @description How many pages the query has */
            pages: number;
            /** Format: uuid */
            queryId: string;
            /**
             * @description The PSI suite: hash to curve and exponentiation
             * @enum {string}
             */
            suite: "curve25519-ell2-x25519-v1";
            /** @description How many identifiers the whole query declares (the same on every page): checked against the hourly limit at page 0 */
            total: number;
        } | {
            /** @description One encoding per person of the querier on this page, in the querier’s order */
            encodings: string[];
            /** @description The month (UTC) whose pair secret keyed the encodings (the same on every page) */
            epoch: string;
            /**
             * @description Names with dates of birth as keyed CLK encodings under the pair’s secret of the epoch
             * @constant
             */
            kind: "names";
            /** @description This page, from 0; every page of a query is keyed by the same epoch */
            page: number;
            /** @description How many pages the query has */
            pages: number;
            /** Format: uuid */
            queryId: string;
            /** @description How many people the whole query declares (the same on every page): checked against the hourly limit at the first page received */
            total: number;
        };
        InboxAccepted: {
            auditProof?: components["schemas"]["ReceiptAuditProof"];
            /** @description true when this message id was processed before: the original receipt, nothing done again */
            duplicate: boolean;
            receipt: components["schemas"]["SignedReceipt"];
            witness?: components["schemas"]["WitnessAnswer"];
        };
        InboxAcceptedInput: {
            auditProof?: components["schemas"]["ReceiptAuditProofInput"];
            /** @description true when this message id was processed before: the original receipt, nothing done again */
            duplicate: boolean;
            receipt: components["schemas"]["SignedReceiptInput"];
            witness?: components["schemas"]["WitnessAnswerInput"];
        };
        IncidentImportBody: {
            /** @description The case every imported incident belongs to */
            caseId?: string | null;
            content: string;
            dryRun?: boolean;
            /** @enum {string} */
            format: "csv" | "xlsx";
            mapping?: {
                [key: string]: components["schemas"]["IncidentImportField"] | "";
            };
            marking?: components["schemas"]["TlpMarking"];
        };
        IncidentImportBodyInput: {
            /** @description The case every imported incident belongs to */
            caseId?: string | null;
            content: string;
            dryRun?: boolean;
            /** @enum {string} */
            format: "csv" | "xlsx";
            mapping?: {
                [key: string]: components["schemas"]["IncidentImportFieldInput"] | "";
            };
            marking?: components["schemas"]["TlpMarkingInput"];
        };
        /** @enum {string} */
        IncidentImportField: "reference" | "occurredAt" | "latitude" | "longitude" | "area" | "country" | "vesselName" | "vesselImo" | "vesselFlag" | "vesselType" | "vesselStatus" | "incidentKind" | "narrative" | "crewHostage" | "crewKidnapped" | "crewInjured" | "crewKilled" | "crewMissing" | "crewAssaulted" | "crewThreatened" | "reportingSource" | "owner" | "operator" | "master" | "charterer" | "agent" | "iccsCode" | "marking";
        /** @enum {string} */
        IncidentImportFieldInput: "reference" | "occurredAt" | "latitude" | "longitude" | "area" | "country" | "vesselName" | "vesselImo" | "vesselFlag" | "vesselType" | "vesselStatus" | "incidentKind" | "narrative" | "crewHostage" | "crewKidnapped" | "crewInjured" | "crewKilled" | "crewMissing" | "crewAssaulted" | "crewThreatened" | "reportingSource" | "owner" | "operator" | "master" | "charterer" | "agent" | "iccsCode" | "marking";
        IncidentList: {
            items: {
                area: string | null;
                case: {
                    id: string;
                    reference: string;
                    title: string;
                } | null;
                id: string;
                kind: string;
                latitude: number;
                longitude: number;
                marking: {
                    effectiveTlp: string;
                    handling: string;
                    tlp: string;
                };
                occurredAt: string;
                reference: string;
                vesselImo: string | null;
                vesselName: string;
                vesselStatus: string;
                withheld: boolean;
            }[];
            total: number;
        };
        IncidentListInput: {
            items: {
                area: string | null;
                case: {
                    id: string;
                    reference: string;
                    title: string;
                } | null;
                id: string;
                kind: string;
                latitude: number;
                longitude: number;
                marking: {
                    effectiveTlp: string;
                    handling: string;
                    tlp: string;
                };
                occurredAt: string;
                reference: string;
                vesselImo: string | null;
                vesselName: string;
                vesselStatus: string;
                withheld: boolean;
            }[];
            total: number;
        };
        IncidentMap: {
            features: {
                geometry: {
                    /** @description [longitude, latitude] */
                    coordinates: [
                        number,
                        number
                    ];
                    /** @constant */
                    type: "Point";
                };
                properties: {
                    /** @description The sea area as reported (null when withheld) */
                    area: string | null;
                    country: string | null;
                    /** @constant */
                    domain: "maritime";
                    id: string;
                    incidentKind: string;
                    /** @constant */
                    kind: "incident";
                    marking: {
                        effectiveTlp: string;
                        tlp: string;
                    };
                    occurredAt: string;
                    /** @constant */
                    precision: "exact";
                    reference: string;
                    vesselName: string;
                    withheld: boolean;
                };
                /** @constant */
                type: "Feature";
            }[];
            total: number;
            truncated: boolean;
            /** @constant */
            type: "FeatureCollection";
        };
        IncidentMapInput: {
            features: {
                geometry: {
                    /** @description [longitude, latitude] */
                    coordinates: [
                        number,
                        number
                    ];
                    /** @constant */
                    type: "Point";
                };
                properties: {
                    /** @description The sea area as reported (null when withheld) */
                    area: string | null;
                    country: string | null;
                    /** @constant */
                    domain: "maritime";
                    id: string;
                    incidentKind: string;
                    /** @constant */
                    kind: "incident";
                    marking: {
                        effectiveTlp: string;
                        tlp: string;
                    };
                    occurredAt: string;
                    /** @constant */
                    precision: "exact";
                    reference: string;
                    vesselName: string;
                    withheld: boolean;
                };
                /** @constant */
                type: "Feature";
            }[];
            total: number;
            truncated: boolean;
            /** @constant */
            type: "FeatureCollection";
        };
        IncidentView: {
            area: string | null;
            case: {
                id: string;
                reference: string;
                title: string;
            } | null;
            country: string | null;
            createdAt: string;
            crew: {
                [key: string]: number;
            };
            iccsCode: string;
            id: string;
            kind: string;
            latitude: number;
            longitude: number;
            marking: {
                effectiveTlp: string;
                handling: string;
                tlp: string;
            };
            narrative: string;
            occurredAt: string;
            organisationId: string;
            parties: {
                entityId: string | null;
                identifier: string | null;
                kind: string;
                name: string;
                role: string;
            }[];
            reference: string;
            reportingSource: string;
            sources: {
                reference?: string;
                title: string;
            }[];
            timeKnown: boolean;
            updatedAt: string;
            version: number;
            vessel: {
                flag: string | null;
                imo: string | null;
                name: string;
                type: string;
            };
            vesselStatus: string;
        };
        IncidentViewInput: {
            area: string | null;
            case: {
                id: string;
                reference: string;
                title: string;
            } | null;
            country: string | null;
            createdAt: string;
            crew: {
                [key: string]: number;
            };
            iccsCode: string;
            id: string;
            kind: string;
            latitude: number;
            longitude: number;
            marking: {
                effectiveTlp: string;
                handling: string;
                tlp: string;
            };
            narrative: string;
            occurredAt: string;
            organisationId: string;
            parties: {
                entityId: string | null;
                identifier: string | null;
                kind: string;
                name: string;
                role: string;
            }[];
            reference: string;
            reportingSource: string;
            sources: {
                reference?: string;
                title: string;
            }[];
            timeKnown: boolean;
            updatedAt: string;
            version: number;
            vessel: {
                flag: string | null;
                imo: string | null;
                name: string;
                type: string;
            };
            vesselStatus: string;
        };
        InstrumentDetail: {
            adopted: string | null;
            articles: {
                heading: string;
                number: string;
                text?: string;
                toBeConfirmed?: boolean;
            }[];
            articlesChecked: boolean;
            contextOnly: boolean;
            cooperation: {
                [key: string]: {
                    articles: string[];
                    notes?: string;
                };
            };
            cooperationTypes: ("mla" | "extradition" | "asset-recovery" | "jit" | "transfer-of-proceedings" | "law-enforcement" | "preservation")[];
            counts: {
                listed: number;
                parties: number;
                signatories: number;
            };
            curated?: boolean;
            currentVersion: number;
            /** @description As-of date of the party list */
            dataAsOf: string;
            /** @description Date at which the parties’ status is given */
            date: string;
            depositary: string;
            entryIntoForce: string | null;
            id: string;
            /** @enum {string} */
            kind: "universal" | "regional" | "bilateral";
            list: {
                asOf: string;
                complete: boolean;
                source: string;
            } | null;
            /** @description false: a State not listed is of unknown status, never "not party" */
            listComplete: boolean;
            notes: string | null;
            offences: string[];
            openToNonMembers?: boolean;
            parties: {
                asOf: string;
                consent?: string;
                /** @enum {string} */
                consentKind?: "ratification" | "accession" | "acceptance" | "approval" | "succession" | "definitive-signature" | "unknown";
                curated?: boolean;
                denunciation?: string;
                entryIntoForce?: string;
                inferredFrom?: string;
                name?: string;
                reason: string;
                /** @default [] */
                reasonCodes: components["schemas"]["CodedText"][];
                signature?: string;
                since?: string;
                source: string;
                state: string;
                /** @enum {string} */
                status: "party" | "not-party" | "unknown";
            }[];
            /** @description States party at the data date according to the list */
            partyCount: number;
            reservations: {
                curated?: boolean;
                effects: ({
                    /** @constant */
                    kind: "no-treaty-basis-for-extradition";
                } | {
                    /** @constant */
                    kind: "treaty-basis-for-extradition";
                } | {
                    /** @constant */
                    kind: "central-authority";
                    name: string;
                } | {
                    /** @constant */
                    kind: "languages";
                    languages: string[];
                } | {
                    /** @constant */
                    kind: "territorial-exclusion";
                } | {
                    /** @constant */
                    kind: "dispute-settlement";
                    /** @constant */
                    relevantToCooperation: false;
                } | {
                    /** @constant */
                    kind: "other";
                })[];
                /** @description Stable across imports: instrument, State and a fingerprint of the text */
                id: string;
                /** @enum {string} */
                kind: "reservation" | "declaration" | "notification";
                source: string;
                state: string;
                text: string;
            }[];
            scopeConditions: {
                citation: string;
                id: string;
                question: string;
            }[];
            short: string;
            signatoryCount: number;
            /** @description The two States of a bilateral treaty */
            states?: string[];
            supplements: string | null;
            title: string;
            titles: {
                [key: string]: string;
            };
            /** @description Knowledge version shown */
            version: number;
        };
        InstrumentDetailInput: {
            adopted: string | null;
            articles: {
                heading: string;
                number: string;
                text?: string;
                toBeConfirmed?: boolean;
            }[];
            articlesChecked: boolean;
            contextOnly: boolean;
            cooperation: {
                [key: string]: {
                    articles: string[];
                    notes?: string;
                };
            };
            cooperationTypes: ("mla" | "extradition" | "asset-recovery" | "jit" | "transfer-of-proceedings" | "law-enforcement" | "preservation")[];
            counts: {
                listed: number;
                parties: number;
                signatories: number;
            };
            curated?: boolean;
            currentVersion: number;
            /** @description As-of date of the party list */
            dataAsOf: string;
            /** @description Date at which the parties’ status is given */
            date: string;
            depositary: string;
            entryIntoForce: string | null;
            id: string;
            /** @enum {string} */
            kind: "universal" | "regional" | "bilateral";
            list: {
                asOf: string;
                complete: boolean;
                source: string;
            } | null;
            /** @description false: a State not listed is of unknown status, never "not party" */
            listComplete: boolean;
            notes: string | null;
            offences: string[];
            openToNonMembers?: boolean;
            parties: {
                asOf: string;
                consent?: string;
                /** @enum {string} */
                consentKind?: "ratification" | "accession" | "acceptance" | "approval" | "succession" | "definitive-signature" | "unknown";
                curated?: boolean;
                denunciation?: string;
                entryIntoForce?: string;
                inferredFrom?: string;
                name?: string;
                reason: string;
                /** @default [] */
                reasonCodes?: components["schemas"]["CodedTextInput"][];
                signature?: string;
                since?: string;
                source: string;
                state: string;
                /** @enum {string} */
                status: "party" | "not-party" | "unknown";
            }[];
            /** @description States party at the data date according to the list */
            partyCount: number;
            reservations: {
                curated?: boolean;
                effects: ({
                    /** @constant */
                    kind: "no-treaty-basis-for-extradition";
                } | {
                    /** @constant */
                    kind: "treaty-basis-for-extradition";
                } | {
                    /** @constant */
                    kind: "central-authority";
                    name: string;
                } | {
                    /** @constant */
                    kind: "languages";
                    languages: string[];
                } | {
                    /** @constant */
                    kind: "territorial-exclusion";
                } | {
                    /** @constant */
                    kind: "dispute-settlement";
                    /** @constant */
                    relevantToCooperation: false;
                } | {
                    /** @constant */
                    kind: "other";
                })[];
                /** @description Stable across imports: instrument, State and a fingerprint of the text */
                id: string;
                /** @enum {string} */
                kind: "reservation" | "declaration" | "notification";
                source: string;
                state: string;
                text: string;
            }[];
            scopeConditions: {
                citation: string;
                id: string;
                question: string;
            }[];
            short: string;
            signatoryCount: number;
            /** @description The two States of a bilateral treaty */
            states?: string[];
            supplements: string | null;
            title: string;
            titles: {
                [key: string]: string;
            };
            /** @description Knowledge version shown */
            version: number;
        };
        InstrumentList: {
            dataAsOf: string;
            items: components["schemas"]["InstrumentSummary"][];
            version: number;
        };
        InstrumentListInput: {
            dataAsOf: string;
            items: components["schemas"]["InstrumentSummaryInput"][];
            version: number;
        };
        InstrumentSummary: {
            adopted: string | null;
            articlesChecked: boolean;
            contextOnly: boolean;
            cooperationTypes: ("mla" | "extradition" | "asset-recovery" | "jit" | "transfer-of-proceedings" | "law-enforcement" | "preservation")[];
            curated?: boolean;
            /** @description As-of date of the party list */
            dataAsOf: string;
            depositary: string;
            entryIntoForce: string | null;
            id: string;
            /** @enum {string} */
            kind: "universal" | "regional" | "bilateral";
            /** @description false: a State not listed is of unknown status, never "not party" */
            listComplete: boolean;
            offences: string[];
            openToNonMembers?: boolean;
            /** @description States party at the data date according to the list */
            partyCount: number;
            short: string;
            signatoryCount: number;
            /** @description The two States of a bilateral treaty */
            states?: string[];
            supplements: string | null;
            title: string;
            titles: {
                [key: string]: string;
            };
        };
        InstrumentSummaryInput: {
            adopted: string | null;
            articlesChecked: boolean;
            contextOnly: boolean;
            cooperationTypes: ("mla" | "extradition" | "asset-recovery" | "jit" | "transfer-of-proceedings" | "law-enforcement" | "preservation")[];
            curated?: boolean;
            /** @description As-of date of the party list */
            dataAsOf: string;
            depositary: string;
            entryIntoForce: string | null;
            id: string;
            /** @enum {string} */
            kind: "universal" | "regional" | "bilateral";
            /** @description false: a State not listed is of unknown status, never "not party" */
            listComplete: boolean;
            offences: string[];
            openToNonMembers?: boolean;
            /** @description States party at the data date according to the list */
            partyCount: number;
            short: string;
            signatoryCount: number;
            /** @description The two States of a bilateral treaty */
            states?: string[];
            supplements: string | null;
            title: string;
            titles: {
                [key: string]: string;
            };
        };
        /** @description Any JSON value */
        JsonValue: unknown;
        /** @description Any JSON value */
        JsonValueInput: unknown;
        KnowledgeConflict: {
            curated: unknown;
            curationId: string;
            imported: unknown;
            instrument: string;
            /** @enum {string} */
            kind: "participation" | "bilateral-treaty" | "reservation-effect";
            message: string;
            state?: string;
            version: number;
        };
        KnowledgeConflictInput: {
            curated: unknown;
            curationId: string;
            imported: unknown;
            instrument: string;
            /** @enum {string} */
            kind: "participation" | "bilateral-treaty" | "reservation-effect";
            message: string;
            state?: string;
            version: number;
        };
        KnowledgeConflictList: {
            items: components["schemas"]["KnowledgeConflict"][];
            version: number;
        };
        KnowledgeConflictListInput: {
            items: components["schemas"]["KnowledgeConflictInput"][];
            version: number;
        };
        KnowledgeCuration: {
            basedOnVersion: number;
            confirmedAt: string | null;
            createdAt: string;
            createdBy: string | null;
            fact: {
                [key: string]: unknown;
            };
            id: string;
            inConflict: boolean;
            instrument: string;
            /** @enum {string} */
            kind: "participation" | "bilateral-treaty" | "reservation-effect";
            note: string;
            source: string;
            state: string | null;
            withdrawalNote: string | null;
            withdrawnAt: string | null;
            withdrawnBy: string | null;
        };
        KnowledgeCurationBody: {
            fact: {
                consent?: string;
                /** @enum {string} */
                consentKind?: "ratification" | "accession" | "acceptance" | "approval" | "succession" | "definitive-signature" | "unknown";
                denunciation?: string;
                entryIntoForce?: string;
                instrument: string;
                /** @constant */
                kind: "participation";
                signature?: string;
                state: string;
            } | {
                adopted: string | null;
                articles: {
                    heading: string;
                    number: string;
                    text?: string;
                }[];
                cooperation: {
                    [key: string]: {
                        articles: string[];
                        notes?: string;
                    };
                };
                entryIntoForce: string | null;
                /** @description e.g. FRA-BRA-MLA-1996 */
                id: string;
                /** @constant */
                kind: "bilateral-treaty";
                offences: string[];
                /** @default [] */
                scopeConditions: {
                    citation: string;
                    id: string;
                    question: string;
                }[];
                states: [
                    string,
                    string
                ];
                terminated?: string;
                title: string;
            } | {
                effects: ({
                    /** @constant */
                    kind: "no-treaty-basis-for-extradition";
                } | {
                    /** @constant */
                    kind: "treaty-basis-for-extradition";
                } | {
                    /** @constant */
                    kind: "central-authority";
                    name: string;
                } | {
                    /** @constant */
                    kind: "languages";
                    languages: string[];
                } | {
                    /** @constant */
                    kind: "territorial-exclusion";
                } | {
                    /** @constant */
                    kind: "dispute-settlement";
                    /** @constant */
                    relevantToCooperation: false;
                } | {
                    /** @constant */
                    kind: "other";
                })[];
                instrument: string;
                /** @constant */
                kind: "reservation-effect";
                reservationId?: string;
                state: string;
                text: string;
            };
            /** @description Why it is added or corrected */
            note: string;
            /** @description Where the fact comes from (a gazette, a depositary notification, a treaty text) */
            source: string;
        };
        KnowledgeCurationBodyInput: {
            fact: {
                consent?: string;
                /** @enum {string} */
                consentKind?: "ratification" | "accession" | "acceptance" | "approval" | "succession" | "definitive-signature" | "unknown";
                denunciation?: string;
                entryIntoForce?: string;
                instrument: string;
                /** @constant */
                kind: "participation";
                signature?: string;
                state: string;
            } | {
                adopted: string | null;
                articles: {
                    heading: string;
                    number: string;
                    text?: string;
                }[];
                cooperation: {
                    [key: string]: {
                        articles: string[];
                        notes?: string;
                    };
                };
                entryIntoForce: string | null;
                /** @description e.g. FRA-BRA-MLA-1996 */
                id: string;
                /** @constant */
                kind: "bilateral-treaty";
                offences: string[];
                /** @default [] */
                scopeConditions?: {
                    citation: string;
                    id: string;
                    question: string;
                }[];
                states: [
                    string,
                    string
                ];
                terminated?: string;
                title: string;
            } | {
                effects: ({
                    /** @constant */
                    kind: "no-treaty-basis-for-extradition";
                } | {
                    /** @constant */
                    kind: "treaty-basis-for-extradition";
                } | {
                    /** @constant */
                    kind: "central-authority";
                    name: string;
                } | {
                    /** @constant */
                    kind: "languages";
                    languages: string[];
                } | {
                    /** @constant */
                    kind: "territorial-exclusion";
                } | {
                    /** @constant */
                    kind: "dispute-settlement";
                    /** @constant */
                    relevantToCooperation: false;
                } | {
                    /** @constant */
                    kind: "other";
                })[];
                instrument: string;
                /** @constant */
                kind: "reservation-effect";
                reservationId?: string;
                state: string;
                text: string;
            };
            /** @description Why it is added or corrected */
            note: string;
            /** @description Where the fact comes from (a gazette, a depositary notification, a treaty text) */
            source: string;
        };
        KnowledgeCurationInput: {
            basedOnVersion: number;
            confirmedAt: string | null;
            createdAt: string;
            createdBy: string | null;
            fact: {
                [key: string]: unknown;
            };
            id: string;
            inConflict: boolean;
            instrument: string;
            /** @enum {string} */
            kind: "participation" | "bilateral-treaty" | "reservation-effect";
            note: string;
            source: string;
            state: string | null;
            withdrawalNote: string | null;
            withdrawnAt: string | null;
            withdrawnBy: string | null;
        };
        KnowledgeCurationList: {
            items: components["schemas"]["KnowledgeCuration"][];
        };
        KnowledgeCurationListInput: {
            items: components["schemas"]["KnowledgeCurationInput"][];
        };
        KnowledgeImportBody: {
            /**
             * Format: date
             * @description Required for UNTC XML, which carries no date: the day it was downloaded
             */
            asOf?: string;
            content: string;
            fileName: string;
            /** @description Allow a snapshot older than the current data */
            force?: boolean;
            /** @enum {string} */
            format: "untc-xml" | "coe-json";
        };
        KnowledgeImportBodyInput: {
            /**
             * Format: date
             * @description Required for UNTC XML, which carries no date: the day it was downloaded
             */
            asOf?: string;
            content: string;
            fileName: string;
            /** @description Allow a snapshot older than the current data */
            force?: boolean;
            /** @enum {string} */
            format: "untc-xml" | "coe-json";
        };
        KnowledgeImportReport: {
            dataAsOf: string;
            digest: string;
            files: {
                asOf: string;
                complete: boolean;
                digest: string;
                /** @enum {string} */
                format: "untc-xml" | "coe-json";
                instrument: string;
                name: string;
                participations: number;
                parties: number;
                previousAsOf: string | null;
                reservations: number | null;
                unmapped: string[];
            }[];
            forced: boolean;
            skipped: {
                name: string;
                reason: string;
            }[];
            source: string;
            version: number;
        };
        KnowledgeImportReportInput: {
            dataAsOf: string;
            digest: string;
            files: {
                asOf: string;
                complete: boolean;
                digest: string;
                /** @enum {string} */
                format: "untc-xml" | "coe-json";
                instrument: string;
                name: string;
                participations: number;
                parties: number;
                previousAsOf: string | null;
                reservations: number | null;
                unmapped: string[];
            }[];
            forced: boolean;
            skipped: {
                name: string;
                reason: string;
            }[];
            source: string;
            version: number;
        };
        KnowledgeProblem: {
            allowed?: string[];
            /** @description Stable machine-readable error code */
            code: string;
            /** @description Quote this when reporting a problem; it is in the node log */
            correlationId: string;
            currentAsOf?: string;
            detail?: string;
            errors?: {
                message: string;
                path: string;
            }[];
            field?: string;
            /** @description The depositary file that was refused */
            file?: string;
            importedAsOf?: string;
            input?: string;
            instance?: string;
            instrument?: string;
            /** @description Its line, where the parser can tell */
            line?: number;
            status: number;
            suggestions?: string[];
            title: string;
            type: string;
            version?: number;
        };
        KnowledgeProblemInput: {
            allowed?: string[];
            /** @description Stable machine-readable error code */
            code: string;
            /** @description Quote this when reporting a problem; it is in the node log */
            correlationId: string;
            currentAsOf?: string;
            detail?: string;
            errors?: {
                message: string;
                path: string;
            }[];
            field?: string;
            /** @description The depositary file that was refused */
            file?: string;
            importedAsOf?: string;
            input?: string;
            instance?: string;
            instrument?: string;
            /** @description Its line, where the parser can tell */
            line?: number;
            status: number;
            suggestions?: string[];
            title: string;
            type: string;
            version?: number;
        };
        KnowledgeVersion: {
            createdAt: string;
            current: boolean;
            dataAsOf: string;
            /** @description SHA-256 of the imported file(s) */
            digest: string;
            files: {
                asOf: string;
                complete: boolean;
                digest: string;
                /** @enum {string} */
                format: "untc-xml" | "coe-json";
                instrument: string;
                name: string;
                participations: number;
                parties: number;
                previousAsOf: string | null;
                reservations: number | null;
                unmapped: string[];
            }[];
            forced: boolean;
            /** @description Shown to administrators only */
            importedBy?: string | null;
            source: string;
            version: number;
        };
        KnowledgeVersionInput: {
            createdAt: string;
            current: boolean;
            dataAsOf: string;
            /** @description SHA-256 of the imported file(s) */
            digest: string;
            files: {
                asOf: string;
                complete: boolean;
                digest: string;
                /** @enum {string} */
                format: "untc-xml" | "coe-json";
                instrument: string;
                name: string;
                participations: number;
                parties: number;
                previousAsOf: string | null;
                reservations: number | null;
                unmapped: string[];
            }[];
            forced: boolean;
            /** @description Shown to administrators only */
            importedBy?: string | null;
            source: string;
            version: number;
        };
        KnowledgeVersionList: {
            items: components["schemas"]["KnowledgeVersion"][];
        };
        KnowledgeVersionListInput: {
            items: components["schemas"]["KnowledgeVersionInput"][];
        };
        LegalBasis: {
            appliesWith?: string;
            articles: {
                heading: string;
                number: string;
                text?: string;
                toBeConfirmed?: boolean;
            }[];
            citation: string;
            /**
             * @description The conditions as codes with parameters, in the same order
             * @default []
             */
            conditionCodes: components["schemas"]["CodedText"][];
            conditions: string[];
            instrument: string;
            /** @enum {string} */
            kind: "universal" | "regional" | "bilateral";
            /** @enum {string} */
            outcome: "applicable" | "conditional" | "not-applicable" | "unknown";
            /** @description Position in the answer, 1 for the best basis */
            rank: number;
            /**
             * @description The reasons as coded sentences (a reason that joins two facts is two sentences here)
             * @default []
             */
            reasonCodes: components["schemas"]["CodedText"][];
            reasons: string[];
            reservations: {
                description: string;
                /** @enum {string} */
                effect: "no-treaty-basis-for-extradition" | "treaty-basis-for-extradition" | "central-authority" | "languages" | "territorial-exclusion" | "dispute-settlement" | "other";
                instrument: string;
                /**
                 * @description The effect’s data beyond its kind: name (central authority), languages
                 * @default {}
                 */
                params: {
                    [key: string]: string;
                };
                source: string;
                state: string;
                text: string;
            }[];
            short: string;
            status: {
                requested: components["schemas"]["StatusSummary"];
                requesting: components["schemas"]["StatusSummary"];
            };
            title: string;
            /** @description Official titles by UN language code, where the data has them (source: the instrument page) */
            titles: {
                [key: string]: string;
            };
        };
        LegalBasisAnswer: {
            bases: components["schemas"]["LegalBasis"][];
            context: {
                /** @constant */
                contextOnly: true;
                instrument: string;
                /** @default [] */
                reasonCodes: components["schemas"]["CodedText"][];
                reasons: string[];
                status: {
                    requested: components["schemas"]["StatusSummary"];
                    requesting: components["schemas"]["StatusSummary"];
                };
                title: string;
            }[];
            dataAsOf: string;
            headline: components["schemas"]["LegalBasisHeadline"];
            query: {
                date: string;
                /** @enum {string} */
                offence: "organized-crime-participation" | "corruption" | "money-laundering" | "drug-trafficking" | "trafficking-in-persons" | "migrant-smuggling" | "firearms-trafficking" | "terrorism" | "terrorist-financing" | "hostage-taking" | "cybercrime" | "wildlife-trafficking" | "cultural-property-trafficking" | "organ-trafficking" | "falsified-medical-products" | "tobacco-smuggling" | "piracy" | "fraud" | "other-serious-crime";
                requested: string;
                requesting: string;
                /** @enum {string} */
                type: "mla" | "extradition" | "asset-recovery" | "jit" | "transfer-of-proceedings" | "law-enforcement" | "preservation";
            };
        };
        LegalBasisAnswerInput: {
            bases: components["schemas"]["LegalBasisInput"][];
            context: {
                /** @constant */
                contextOnly: true;
                instrument: string;
                /** @default [] */
                reasonCodes?: components["schemas"]["CodedTextInput"][];
                reasons: string[];
                status: {
                    requested: components["schemas"]["StatusSummaryInput"];
                    requesting: components["schemas"]["StatusSummaryInput"];
                };
                title: string;
            }[];
            dataAsOf: string;
            headline: components["schemas"]["LegalBasisHeadlineInput"];
            query: {
                date: string;
                /** @enum {string} */
                offence: "organized-crime-participation" | "corruption" | "money-laundering" | "drug-trafficking" | "trafficking-in-persons" | "migrant-smuggling" | "firearms-trafficking" | "terrorism" | "terrorist-financing" | "hostage-taking" | "cybercrime" | "wildlife-trafficking" | "cultural-property-trafficking" | "organ-trafficking" | "falsified-medical-products" | "tobacco-smuggling" | "piracy" | "fraud" | "other-serious-crime";
                requested: string;
                requesting: string;
                /** @enum {string} */
                type: "mla" | "extradition" | "asset-recovery" | "jit" | "transfer-of-proceedings" | "law-enforcement" | "preservation";
            };
        };
        LegalBasisChoice: {
            articles: string[];
            citation?: string;
            instrument: string;
            /** @constant */
            kind: "treaty";
            title?: string;
        } | {
            assurance?: string;
            /** @constant */
            kind: "reciprocity";
        };
        LegalBasisChoiceBody: {
            /** @description Default: the articles the engine gives for this kind of cooperation */
            articles?: string[];
            /** @description Instrument id from the legal-basis finder, e.g. UNTOC */
            instrument: string;
            /** @constant */
            kind: "treaty";
        } | {
            assurance?: string;
            /** @constant */
            kind: "reciprocity";
        };
        LegalBasisChoiceBodyInput: {
            /** @description Default: the articles the engine gives for this kind of cooperation */
            articles?: string[];
            /** @description Instrument id from the legal-basis finder, e.g. UNTOC */
            instrument: string;
            /** @constant */
            kind: "treaty";
        } | {
            assurance?: string;
            /** @constant */
            kind: "reciprocity";
        };
        LegalBasisChoiceInput: {
            articles: string[];
            citation?: string;
            instrument: string;
            /** @constant */
            kind: "treaty";
            title?: string;
        } | {
            assurance?: string;
            /** @constant */
            kind: "reciprocity";
        };
        /** @description What a person reads first: the code and parameters for translation, and the English sentence */
        LegalBasisHeadline: {
            /** @enum {string} */
            code: "best-basis" | "conditional-basis";
            params: {
                citation: string;
                conditions: number;
                instrument: string;
                requested: string;
                requestedSince: string | null;
                requesting: string;
                requestingSince: string | null;
            };
            text: string;
        } | {
            /** @constant */
            code: "no-known-basis";
            params: {
                unknown: number;
            };
            text: string;
        };
        /** @description What a person reads first: the code and parameters for translation, and the English sentence */
        LegalBasisHeadlineInput: {
            /** @enum {string} */
            code: "best-basis" | "conditional-basis";
            params: {
                citation: string;
                conditions: number;
                instrument: string;
                requested: string;
                requestedSince: string | null;
                requesting: string;
                requestingSince: string | null;
            };
            text: string;
        } | {
            /** @constant */
            code: "no-known-basis";
            params: {
                unknown: number;
            };
            text: string;
        };
        LegalBasisInput: {
            appliesWith?: string;
            articles: {
                heading: string;
                number: string;
                text?: string;
                toBeConfirmed?: boolean;
            }[];
            citation: string;
            /**
             * @description The conditions as codes with parameters, in the same order
             * @default []
             */
            conditionCodes?: components["schemas"]["CodedTextInput"][];
            conditions: string[];
            instrument: string;
            /** @enum {string} */
            kind: "universal" | "regional" | "bilateral";
            /** @enum {string} */
            outcome: "applicable" | "conditional" | "not-applicable" | "unknown";
            /** @description Position in the answer, 1 for the best basis */
            rank: number;
            /**
             * @description The reasons as coded sentences (a reason that joins two facts is two sentences here)
             * @default []
             */
            reasonCodes?: components["schemas"]["CodedTextInput"][];
            reasons: string[];
            reservations: {
                description: string;
                /** @enum {string} */
                effect: "no-treaty-basis-for-extradition" | "treaty-basis-for-extradition" | "central-authority" | "languages" | "territorial-exclusion" | "dispute-settlement" | "other";
                instrument: string;
                /**
                 * @description The effect’s data beyond its kind: name (central authority), languages
                 * @default {}
                 */
                params?: {
                    [key: string]: string;
                };
                source: string;
                state: string;
                text: string;
            }[];
            short: string;
            status: {
                requested: components["schemas"]["StatusSummaryInput"];
                requesting: components["schemas"]["StatusSummaryInput"];
            };
            title: string;
            /** @description Official titles by UN language code, where the data has them (source: the instrument page) */
            titles: {
                [key: string]: string;
            };
        };
        LetterWarning: {
            /** @constant */
            code: "free-text-language";
            /** @description The language it seems to be in; null when only the script differs */
            detected: ("en" | "fr" | "es" | "ar" | "ru" | "zh") | null;
            excerpt: string;
            /** @enum {string} */
            expected: "en" | "fr" | "es" | "ar" | "ru" | "zh";
            /** @description The form field it belongs to, e.g. facts, measures */
            field: string;
            message: string;
            /** @description Where the text is, e.g. facts or measures.1.questions */
            path: string;
            /** @enum {string} */
            script: "latin" | "arabic" | "cyrillic" | "han" | "none";
        } | {
            /** @constant */
            code: "signatory-without-title";
            message: string;
        };
        LetterWarningInput: {
            /** @constant */
            code: "free-text-language";
            /** @description The language it seems to be in; null when only the script differs */
            detected: ("en" | "fr" | "es" | "ar" | "ru" | "zh") | null;
            excerpt: string;
            /** @enum {string} */
            expected: "en" | "fr" | "es" | "ar" | "ru" | "zh";
            /** @description The form field it belongs to, e.g. facts, measures */
            field: string;
            message: string;
            /** @description Where the text is, e.g. facts or measures.1.questions */
            path: string;
            /** @enum {string} */
            script: "latin" | "arabic" | "cyrillic" | "han" | "none";
        } | {
            /** @constant */
            code: "signatory-without-title";
            message: string;
        };
        /** @enum {string} */
        LimitationFlag: "speciality" | "confidential" | "permitted-uses" | "review-date" | "handling-note" | "derived";
        /** @enum {string} */
        LimitationFlagInput: "speciality" | "confidential" | "permitted-uses" | "review-date" | "handling-note" | "derived";
        LinkRequestBody: {
            /** @description A trusted peer of the requested State */
            nodeId: string;
        };
        LinkRequestBodyInput: {
            /** @description A trusted peer of the requested State */
            nodeId: string;
        };
        /** @description TLP 2.0, handling code, originators and treaty use limitations */
        Marking: {
            handling: components["schemas"]["HandlingCode"];
            handlingNotes: string[];
            limitations: {
                confidential: boolean;
                notes: string[];
                permittedUses: components["schemas"]["PermittedUse"][] | null;
                reviewOn: string | null;
                /** @description Only for these proceedings; null: not limited */
                speciality: string[] | null;
            };
            originators: components["schemas"]["Originator"][];
            tlp: components["schemas"]["TlpMarking"];
        };
        /** @description TLP 2.0, handling code, originators and treaty use limitations */
        MarkingInput: {
            handling: components["schemas"]["HandlingCodeInput"];
            handlingNotes: string[];
            limitations: {
                confidential: boolean;
                notes: string[];
                permittedUses: components["schemas"]["PermittedUseInput"][] | null;
                reviewOn: string | null;
                /** @description Only for these proceedings; null: not limited */
                speciality: string[] | null;
            };
            originators: components["schemas"]["OriginatorInput"][];
            tlp: components["schemas"]["TlpMarkingInput"];
        };
        /** @enum {string} */
        MeasureKind: "obtain-records" | "bank-records" | "witness-statement" | "search-and-seizure" | "service-of-documents" | "freezing" | "confiscation" | "identify-trace-proceeds" | "preserve-computer-data" | "subscriber-or-traffic-data" | "temporary-transfer-detained-person" | "surrender-for-prosecution" | "surrender-for-enforcement" | "provisional-arrest" | "handing-over-of-property" | "return-of-assets" | "transfer-of-proceedings" | "jit-setup" | "information";
        /** @enum {string} */
        MeasureKindInput: "obtain-records" | "bank-records" | "witness-statement" | "search-and-seizure" | "service-of-documents" | "freezing" | "confiscation" | "identify-trace-proceeds" | "preserve-computer-data" | "subscriber-or-traffic-data" | "temporary-transfer-detained-person" | "surrender-for-prosecution" | "surrender-for-enforcement" | "provisional-arrest" | "handing-over-of-property" | "return-of-assets" | "transfer-of-proceedings" | "jit-setup" | "information";
        NodeCard: {
            accepts: {
                languages: string[];
                requestTypes: string[];
            };
            authority: {
                kind: string;
                name: string;
                state: string;
            };
            /** Format: uri */
            endpoint: string;
            /** Format: date-time */
            issuedAt: string;
            keys: {
                encryption: {
                    /** @constant */
                    alg: "X25519";
                    publicKey: string;
                };
                signing: {
                    /** @constant */
                    alg: "Ed25519";
                    publicKey: string;
                };
            };
            nodeId: string;
            /** @constant */
            v: 1;
            /** Format: date-time */
            validFrom: string;
            /** Format: date-time */
            validUntil: string;
        };
        NodeCardInput: {
            accepts: {
                languages: string[];
                requestTypes: string[];
            };
            authority: {
                kind: string;
                name: string;
                state: string;
            };
            /** Format: uri */
            endpoint: string;
            /** Format: date-time */
            issuedAt: string;
            keys: {
                encryption: {
                    /** @constant */
                    alg: "X25519";
                    publicKey: string;
                };
                signing: {
                    /** @constant */
                    alg: "Ed25519";
                    publicKey: string;
                };
            };
            nodeId: string;
            /** @constant */
            v: 1;
            /** Format: date-time */
            validFrom: string;
            /** Format: date-time */
            validUntil: string;
        };
        Notification: {
            /** @description Stable message code (e.g. counterpart-action), for wording the notification in the reader’s language; null on older notifications */
            code: string | null;
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @description One of: incoming-request, approval-requested, status-changed, acknowledgement-overdue, execution-overdue, deadline-approaching, deadline-passed */
            kind: string;
            /** @description The notification in English */
            message: string;
            /** @description Parameters of the message code: references, names, state and action ids, dates */
            params: {
                [key: string]: string | number | null;
            } | null;
            readAt: string | null;
            requestId: string | null;
        };
        NotificationInput: {
            /** @description Stable message code (e.g. counterpart-action), for wording the notification in the reader’s language; null on older notifications */
            code: string | null;
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @description One of: incoming-request, approval-requested, status-changed, acknowledgement-overdue, execution-overdue, deadline-approaching, deadline-passed */
            kind: string;
            /** @description The notification in English */
            message: string;
            /** @description Parameters of the message code: references, names, state and action ids, dates */
            params: {
                [key: string]: string | number | null;
            } | null;
            readAt: string | null;
            requestId: string | null;
        };
        NotificationList: {
            items: components["schemas"]["Notification"][];
            unread: number;
        };
        NotificationListInput: {
            items: components["schemas"]["NotificationInput"][];
            unread: number;
        };
        /** @description A warrant, judgment or order the request rests on or asks to enforce */
        Order: {
            final?: boolean;
            issuedBy?: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            issuedOn?: string;
            /** @enum {string} */
            kind: "arrest-warrant" | "judgment" | "detention-order" | "freezing-order" | "confiscation-order" | "other";
            reference?: string;
        };
        /** @description A warrant, judgment or order the request rests on or asks to enforce */
        OrderInput: {
            final?: boolean;
            issuedBy?: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            issuedOn?: string;
            /** @enum {string} */
            kind: "arrest-warrant" | "judgment" | "detention-order" | "freezing-order" | "confiscation-order" | "other";
            reference?: string;
        };
        Organisation: {
            country: string;
            /** @description ISO 8601 date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "central-authority" | "prosecution-service" | "police" | "financial-intelligence-unit" | "customs" | "court" | "other";
            name: string;
        };
        OrganisationInput: {
            country: string;
            /** @description ISO 8601 date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "central-authority" | "prosecution-service" | "police" | "financial-intelligence-unit" | "customs" | "court" | "other";
            name: string;
        };
        /** @description Who marked it: an organisation on this node (nodeId null) or on a peer node */
        Originator: {
            name: string;
            nodeId: string | null;
            organisationId: string | null;
            state: string;
        };
        /** @description Who marked it: an organisation on this node (nodeId null) or on a peer node */
        OriginatorInput: {
            name: string;
            nodeId: string | null;
            organisationId: string | null;
            state: string;
        };
        OwnDeclaredFacts: {
            authority: string;
            draft: components["schemas"]["DeclaredFactsDraft"] | null;
            nodeId: string;
            peers: {
                delivered: boolean;
                name: string;
                nodeId: string;
                sentVersion: number | null;
                state: string;
            }[];
            published: components["schemas"]["PublishedFacts"] | null;
            state: string;
        };
        OwnDeclaredFactsInput: {
            authority: string;
            draft: components["schemas"]["DeclaredFactsDraftInput"] | null;
            nodeId: string;
            peers: {
                delivered: boolean;
                name: string;
                nodeId: string;
                sentVersion: number | null;
                state: string;
            }[];
            published: components["schemas"]["PublishedFactsInput"] | null;
            state: string;
        };
        PatchAuthorityBody: {
            address?: string | null;
            channel?: components["schemas"]["TransmissionChannel"] | null;
            email?: string | null;
            languages?: string[];
            name?: string;
            notes?: string | null;
            state?: unknown;
            version: number;
        };
        PatchAuthorityBodyInput: {
            address?: string | null;
            channel?: components["schemas"]["TransmissionChannelInput"] | null;
            email?: string | null;
            languages?: string[];
            name?: string;
            notes?: string | null;
            state?: string;
            version: number;
        };
        PatchCaseBody: {
            /**
             * Format: date
             * @description When closing: the date (today when absent)
             */
            closedOn?: string;
            closingNote?: string;
            confidentiality?: {
                confidential: boolean;
                note?: string;
            };
            description?: string;
            handling?: components["schemas"]["HandlingCode"];
            handlingNote?: string;
            /** @description TLP 2.0; AMBER when not given */
            marking?: components["schemas"]["TlpMarking"];
            offences?: components["schemas"]["CaseOffence"][];
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            openedOn?: string;
            reference?: string;
            status?: components["schemas"]["CaseStatus"];
            title?: string;
            useLimitations?: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUse"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
            /** @description The version you edited (optimistic locking: 409 when it changed meanwhile) */
            version: number;
        };
        PatchCaseBodyInput: {
            /**
             * Format: date
             * @description When closing: the date (today when absent)
             */
            closedOn?: string;
            closingNote?: string;
            confidentiality?: {
                confidential: boolean;
                note?: string;
            };
            description?: string;
            handling?: components["schemas"]["HandlingCodeInput"];
            handlingNote?: string;
            /** @description TLP 2.0; AMBER when not given */
            marking?: components["schemas"]["TlpMarkingInput"];
            offences?: components["schemas"]["CaseOffenceInput"][];
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            openedOn?: string;
            reference?: string;
            status?: components["schemas"]["CaseStatusInput"];
            title?: string;
            useLimitations?: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUseInput"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
            /** @description The version you edited (optimistic locking: 409 when it changed meanwhile) */
            version: number;
        };
        PatchCulturalObjectBody: {
            caseId?: string | null;
            handling?: components["schemas"]["HandlingCode"];
            legalStatus?: components["schemas"]["CulturalLegalStatus"];
            marking?: components["schemas"]["TlpMarking"];
            objectId?: components["schemas"]["CulturalObjectIdFields"];
            objectType?: string;
            reportingAuthority?: string;
            theft?: components["schemas"]["CulturalTheft"];
            title?: string;
            /** @description The version you edited (optimistic locking) */
            version: number;
        };
        PatchCulturalObjectBodyInput: {
            caseId?: string | null;
            handling?: components["schemas"]["HandlingCodeInput"];
            legalStatus?: components["schemas"]["CulturalLegalStatusInput"];
            marking?: components["schemas"]["TlpMarkingInput"];
            objectId?: components["schemas"]["CulturalObjectIdFieldsInput"];
            objectType?: string;
            reportingAuthority?: string;
            theft?: components["schemas"]["CulturalTheftInput"];
            title?: string;
            /** @description The version you edited (optimistic locking) */
            version: number;
        };
        PatchEntityBody: {
            marking?: components["schemas"]["EntityMarkingInput"];
            /** @description All properties (replaces them) */
            properties?: {
                [key: string]: string[] | string;
            };
            /** @description Where the information came from */
            sources?: string[];
            /** @description The version you read (optimistic locking) */
            version: number;
        };
        PatchEntityBodyInput: {
            marking?: components["schemas"]["EntityMarkingInputInput"];
            /** @description All properties (replaces them) */
            properties?: {
                [key: string]: string[] | string;
            };
            /** @description Where the information came from */
            sources?: string[];
            /** @description The version you read (optimistic locking) */
            version: number;
        };
        PatchIncidentBody: {
            area?: string;
            caseId?: string | null;
            /** @description The coastal State, when in its waters */
            country?: unknown | null;
            crew?: {
                assaulted?: number;
                hostage?: number;
                injured?: number;
                kidnapped?: number;
                killed?: number;
                missing?: number;
                threatened?: number;
            };
            handling?: components["schemas"]["HandlingCode"];
            /** @description 11012 for piracy and hijacking, 0401 otherwise, when absent */
            iccsCode?: string;
            /** @enum {string} */
            kind?: "piracy" | "armed-robbery" | "boarding" | "hijacking" | "kidnapping" | "attempted" | "other";
            /** @description Decimal degrees, -90 to 90 */
            latitude?: number;
            /** @description Decimal degrees, -180 to 180 */
            longitude?: number;
            marking?: components["schemas"]["TlpMarking"];
            narrative?: string;
            /** @description YYYY-MM-DD, or a date and time (UTC unless an offset is given); not in the future */
            occurredAt?: string;
            parties?: components["schemas"]["RegistryParty"][];
            reportingSource?: string;
            sources?: {
                reference?: string;
                title: string;
            }[];
            version: number;
            vessel?: {
                flag?: unknown;
                imo?: string;
                name: string;
                type: string;
            };
            /** @enum {string} */
            vesselStatus?: "underway" | "anchored" | "berthed";
        };
        PatchIncidentBodyInput: {
            area?: string;
            caseId?: string | null;
            /** @description The coastal State, when in its waters */
            country?: string | null;
            crew?: {
                assaulted?: number;
                hostage?: number;
                injured?: number;
                kidnapped?: number;
                killed?: number;
                missing?: number;
                threatened?: number;
            };
            handling?: components["schemas"]["HandlingCodeInput"];
            /** @description 11012 for piracy and hijacking, 0401 otherwise, when absent */
            iccsCode?: string;
            /** @enum {string} */
            kind?: "piracy" | "armed-robbery" | "boarding" | "hijacking" | "kidnapping" | "attempted" | "other";
            /** @description Decimal degrees, -90 to 90 */
            latitude?: number;
            /** @description Decimal degrees, -180 to 180 */
            longitude?: number;
            marking?: components["schemas"]["TlpMarkingInput"];
            narrative?: string;
            /** @description YYYY-MM-DD, or a date and time (UTC unless an offset is given); not in the future */
            occurredAt?: string;
            parties?: components["schemas"]["RegistryPartyInput"][];
            reportingSource?: string;
            sources?: {
                reference?: string;
                title: string;
            }[];
            version: number;
            vessel?: {
                flag?: string;
                imo?: string;
                name: string;
                type: string;
            };
            /** @enum {string} */
            vesselStatus?: "underway" | "anchored" | "berthed";
        };
        /** @description Replaces the fields given (lists are replaced whole). Only drafts can be edited. */
        PatchRequestBody: {
            applicableLaw?: string;
            caseReference?: string;
            confidentiality?: {
                confidential: boolean;
                note?: string;
            };
            deadline?: string | null;
            deadlineReason?: string;
            facts?: string;
            handling?: components["schemas"]["HandlingCode"];
            handlingNote?: string;
            language?: string;
            legalBasis?: components["schemas"]["LegalBasisChoiceBody"] | null;
            marking?: components["schemas"]["TlpMarking"];
            measures?: components["schemas"]["RequestMeasure"][];
            offences?: components["schemas"]["RequestOffence"][];
            persons?: components["schemas"]["RequestPerson"][];
            procedure?: string;
            proceedings?: {
                authority?: string;
                authorityFunctions?: string;
                /** @enum {string} */
                stage?: "investigation" | "prosecution" | "trial" | "enforcement";
            };
            purpose?: string;
            /** @description The requested authority from GET /api/v1/authorities when it has no node (admin:…, treaty:…); a peer:… entry means requestedNodeId */
            requestedAuthorityId?: string | null;
            /** @description The requested authority, when it is on a trusted peer node (GET /api/v1/directory); federation carries the request there */
            requestedNodeId?: string | null;
            /** @description The requested authority, when it is an organisation on this node */
            requestedOrganisationId?: string | null;
            requestedState?: unknown;
            title?: string;
            urgency?: {
                reason?: string;
                urgent: boolean;
            };
            useLimitations?: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUse"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
            /** @description The version you edited; a stale version gives 409 */
            version: number;
        };
        /** @description Replaces the fields given (lists are replaced whole). Only drafts can be edited. */
        PatchRequestBodyInput: {
            applicableLaw?: string;
            caseReference?: string;
            confidentiality?: {
                confidential: boolean;
                note?: string;
            };
            deadline?: string | null;
            deadlineReason?: string;
            facts?: string;
            handling?: components["schemas"]["HandlingCodeInput"];
            handlingNote?: string;
            language?: string;
            legalBasis?: components["schemas"]["LegalBasisChoiceBodyInput"] | null;
            marking?: components["schemas"]["TlpMarkingInput"];
            measures?: components["schemas"]["RequestMeasureInput"][];
            offences?: components["schemas"]["RequestOffenceInput"][];
            persons?: components["schemas"]["RequestPersonInput"][];
            procedure?: string;
            proceedings?: {
                authority?: string;
                authorityFunctions?: string;
                /** @enum {string} */
                stage?: "investigation" | "prosecution" | "trial" | "enforcement";
            };
            purpose?: string;
            /** @description The requested authority from GET /api/v1/authorities when it has no node (admin:…, treaty:…); a peer:… entry means requestedNodeId */
            requestedAuthorityId?: string | null;
            /** @description The requested authority, when it is on a trusted peer node (GET /api/v1/directory); federation carries the request there */
            requestedNodeId?: string | null;
            /** @description The requested authority, when it is an organisation on this node */
            requestedOrganisationId?: string | null;
            requestedState?: string;
            title?: string;
            urgency?: {
                reason?: string;
                urgent: boolean;
            };
            useLimitations?: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUseInput"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
            /** @description The version you edited; a stale version gives 409 */
            version: number;
        };
        PatchSeizureBody: {
            authority?: string;
            /** @description A case of your organisation whose team you are on */
            caseId?: string | null;
            conveyance?: components["schemas"]["Conveyance"];
            /** @enum {string} */
            conveyanceType?: "container" | "vessel" | "flight" | "air-cargo" | "parcel" | "vehicle" | "rail" | "passenger" | "other";
            country?: unknown;
            /** @enum {string} */
            detectionMethod?: "risk-profiling" | "x-ray" | "detector-dog" | "intelligence" | "documentary-check" | "physical-inspection" | "random-check" | "tip-off" | "other";
            handling?: components["schemas"]["HandlingCode"];
            /** @description From the ICCS list (GET /api/v1/seizures/reference) */
            iccsCode?: string;
            items?: components["schemas"]["SeizedItem"][];
            latitude?: number | null;
            /** @enum {string} */
            locationKind?: "seaport" | "airport" | "land-border" | "mail-centre" | "inland" | "at-sea" | "other";
            /** @description The port, airport or border crossing (name or UN/LOCODE) */
            locationPoint?: string;
            longitude?: number | null;
            /** @description AMBER when not given */
            marking?: components["schemas"]["TlpMarking"];
            /** @description YYYY-MM-DD, or a date and time (UTC unless an offset is given); not in the future */
            occurredAt?: string;
            parties?: components["schemas"]["RegistryParty"][];
            place?: string;
            route?: components["schemas"]["RouteStop"][];
            sources?: {
                reference?: string;
                title: string;
            }[];
            summary?: string;
            /** @description The version you edited (optimistic locking) */
            version: number;
        };
        PatchSeizureBodyInput: {
            authority?: string;
            /** @description A case of your organisation whose team you are on */
            caseId?: string | null;
            conveyance?: components["schemas"]["ConveyanceInput"];
            /** @enum {string} */
            conveyanceType?: "container" | "vessel" | "flight" | "air-cargo" | "parcel" | "vehicle" | "rail" | "passenger" | "other";
            country?: string;
            /** @enum {string} */
            detectionMethod?: "risk-profiling" | "x-ray" | "detector-dog" | "intelligence" | "documentary-check" | "physical-inspection" | "random-check" | "tip-off" | "other";
            handling?: components["schemas"]["HandlingCodeInput"];
            /** @description From the ICCS list (GET /api/v1/seizures/reference) */
            iccsCode?: string;
            items?: components["schemas"]["SeizedItemInput"][];
            latitude?: number | null;
            /** @enum {string} */
            locationKind?: "seaport" | "airport" | "land-border" | "mail-centre" | "inland" | "at-sea" | "other";
            /** @description The port, airport or border crossing (name or UN/LOCODE) */
            locationPoint?: string;
            longitude?: number | null;
            /** @description AMBER when not given */
            marking?: components["schemas"]["TlpMarkingInput"];
            /** @description YYYY-MM-DD, or a date and time (UTC unless an offset is given); not in the future */
            occurredAt?: string;
            parties?: components["schemas"]["RegistryPartyInput"][];
            place?: string;
            route?: components["schemas"]["RouteStopInput"][];
            sources?: {
                reference?: string;
                title: string;
            }[];
            summary?: string;
            /** @description The version you edited (optimistic locking) */
            version: number;
        };
        Peer: {
            accepts: {
                languages: string[];
                requestTypes: string[];
            };
            authority: {
                kind: string;
                name: string;
                state: string;
            };
            /** @description ISO 8601 date-time */
            createdAt: string;
            encryptionFingerprint: string;
            endpoint: string;
            /** @description The peer’s card has expired: only a renewed card (node.card) is accepted from it until then */
            expired: boolean;
            nodeId: string;
            outbox: {
                failed: number;
                pending: number;
            };
            signingFingerprint: string;
            /** @enum {string} */
            status: "active" | "suspended" | "revoked";
            statusReason: string | null;
            /** @description ISO 8601 date-time */
            updatedAt: string;
            /** @description ISO 8601 date-time */
            validFrom: string;
            /** @description ISO 8601 date-time */
            validUntil: string;
        };
        PeerInput: {
            accepts: {
                languages: string[];
                requestTypes: string[];
            };
            authority: {
                kind: string;
                name: string;
                state: string;
            };
            /** @description ISO 8601 date-time */
            createdAt: string;
            encryptionFingerprint: string;
            endpoint: string;
            /** @description The peer’s card has expired: only a renewed card (node.card) is accepted from it until then */
            expired: boolean;
            nodeId: string;
            outbox: {
                failed: number;
                pending: number;
            };
            signingFingerprint: string;
            /** @enum {string} */
            status: "active" | "suspended" | "revoked";
            statusReason: string | null;
            /** @description ISO 8601 date-time */
            updatedAt: string;
            /** @description ISO 8601 date-time */
            validFrom: string;
            /** @description ISO 8601 date-time */
            validUntil: string;
        };
        /** @enum {string} */
        PermittedUse: "investigation" | "prosecution" | "trial" | "enforcement" | "intelligence";
        /** @enum {string} */
        PermittedUseInput: "investigation" | "prosecution" | "trial" | "enforcement" | "intelligence";
        PersonSearchBody: {
            /** @description Date of birth (YYYY-MM-DD, DD/MM/YYYY, …; day and month may be swapped) */
            birthDate?: string;
            /** @description Identifiers, compared exactly after normalisation */
            identifiers?: {
                /** @enum {string} */
                kind: "iban" | "imo" | "phone" | "email" | "passport" | "wallet";
                value: string;
            }[];
            /** @description At most this many hits (20 when absent) */
            limit?: number;
            /** @description The full name, in any script */
            name: string;
            /** @description Nationality (ISO code or name) */
            nationality?: string;
            /** @description Smallest score returned (0.7 when absent) */
            threshold?: number;
        };
        PersonSearchBodyInput: {
            /** @description Date of birth (YYYY-MM-DD, DD/MM/YYYY, …; day and month may be swapped) */
            birthDate?: string;
            /** @description Identifiers, compared exactly after normalisation */
            identifiers?: {
                /** @enum {string} */
                kind: "iban" | "imo" | "phone" | "email" | "passport" | "wallet";
                value: string;
            }[];
            /** @description At most this many hits (20 when absent) */
            limit?: number;
            /** @description The full name, in any script */
            name: string;
            /** @description Nationality (ISO code or name) */
            nationality?: string;
            /** @description Smallest score returned (0.7 when absent) */
            threshold?: number;
        };
        PersonSearchResult: {
            /** @description Entities scored after blocking */
            candidates: number;
            items: {
                caption: string;
                /** Format: uuid */
                caseId: string;
                caseReference: string;
                caseTitle: string;
                ftmId: string;
                /** Format: uuid */
                id: string;
                key: string;
                /** @description What was compared and how much each part weighed */
                parts: {
                    detail: string;
                    part: string;
                    similarity: number;
                    weight: number;
                }[];
                schema: string;
                /** @description 0–1 */
                score: number;
                /** @description Blocking keys shared with the query */
                sharedKeys: number;
            }[];
            /** @description Fields given but unusable (bad checksum, unparseable date) */
            rejected: string[];
        };
        PersonSearchResultInput: {
            /** @description Entities scored after blocking */
            candidates: number;
            items: {
                caption: string;
                /** Format: uuid */
                caseId: string;
                caseReference: string;
                caseTitle: string;
                ftmId: string;
                /** Format: uuid */
                id: string;
                key: string;
                /** @description What was compared and how much each part weighed */
                parts: {
                    detail: string;
                    part: string;
                    similarity: number;
                    weight: number;
                }[];
                schema: string;
                /** @description 0–1 */
                score: number;
                /** @description Blocking keys shared with the query */
                sharedKeys: number;
            }[];
            /** @description Fields given but unusable (bad checksum, unparseable date) */
            rejected: string[];
        };
        Problem: {
            allowed?: string[];
            /** @description Stable machine-readable error code */
            code: string;
            /** @description Quote this when reporting a problem; it is in the node log */
            correlationId: string;
            detail?: string;
            errors?: {
                message: string;
                path: string;
            }[];
            instance?: string;
            status: number;
            suggestions?: string[];
            title: string;
            type: string;
        };
        ProblemInput: {
            allowed?: string[];
            /** @description Stable machine-readable error code */
            code: string;
            /** @description Quote this when reporting a problem; it is in the node log */
            correlationId: string;
            detail?: string;
            errors?: {
                message: string;
                path: string;
            }[];
            instance?: string;
            status: number;
            suggestions?: string[];
            title: string;
            type: string;
        };
        PublicConsistencyProof: {
            from: number;
            path: string[];
            to: number;
            toCheckpoint: string;
        };
        PublicConsistencyProofInput: {
            from: number;
            path: string[];
            to: number;
            toCheckpoint: string;
        };
        PublishedFacts: {
            approvedBy: string | null;
            facts: components["schemas"]["SignedDeclaredFacts"];
            provenance: string;
            /** @description ISO 8601 date-time */
            publishedAt: string;
            submittedBy: string | null;
        };
        PublishedFactsInput: {
            approvedBy: string | null;
            facts: components["schemas"]["SignedDeclaredFactsInput"];
            provenance: string;
            /** @description ISO 8601 date-time */
            publishedAt: string;
            submittedBy: string | null;
        };
        PutCaptureAllowlistBody: {
            hosts: string[];
        };
        PutCaptureAllowlistBodyInput: {
            hosts: string[];
        };
        PutCulturalPeerBody: {
            /** @description Accept the records the peer publishes (false deletes those held here and stores no more until turned on again) */
            accept?: boolean;
            /** @description Publish this node’s public records to the peer (false withdraws what was sent) */
            publish?: boolean;
        };
        PutCulturalPeerBodyInput: {
            /** @description Accept the records the peer publishes (false deletes those held here and stores no more until turned on again) */
            accept?: boolean;
            /** @description Publish this node’s public records to the peer (false withdraws what was sent) */
            publish?: boolean;
        };
        PutServiceLevelBody: {
            acknowledgeDays: number | null;
            /** Format: uuid */
            counterpartOrganisationId?: string;
            counterpartState?: unknown;
            executeDays: number | null;
            /** @default 3 */
            reminderDays: number | null;
        };
        PutServiceLevelBodyInput: {
            acknowledgeDays: number | null;
            /** Format: uuid */
            counterpartOrganisationId?: string;
            counterpartState?: string;
            executeDays: number | null;
            /** @default 3 */
            reminderDays?: number | null;
        };
        Receipt: {
            conversationId: string;
            messageId: string;
            /** @constant */
            outcome: "accepted";
            payloadSha256: string;
            /** Format: date-time */
            receivedAt: string;
            recipient: string;
            result: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            sender: string;
            /** @constant */
            type: "receipt";
            /** @constant */
            v: 1;
        };
        ReceiptAuditProof: {
            change: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            checkpoint: string;
            entryText: string;
            leafIndex: number;
            path: string[];
            seq: number;
            treeSize: number;
        };
        ReceiptAuditProofInput: {
            change: {
                [key: string]: components["schemas"]["JsonValueInput"];
            };
            checkpoint: string;
            entryText: string;
            leafIndex: number;
            path: string[];
            seq: number;
            treeSize: number;
        };
        ReceiptInput: {
            conversationId: string;
            messageId: string;
            /** @constant */
            outcome: "accepted";
            payloadSha256: string;
            /** Format: date-time */
            receivedAt: string;
            recipient: string;
            result: {
                [key: string]: components["schemas"]["JsonValueInput"];
            };
            sender: string;
            /** @constant */
            type: "receipt";
            /** @constant */
            v: 1;
        };
        ReceiptProofView: {
            checkedOnReceipt: string | null;
            messageId: string;
            peer: string;
            problems: string[];
            proof: {
                change: {
                    [key: string]: unknown;
                };
                checkpoint: string;
                entryText: string;
                leafIndex: number;
                path: string[];
                seq: number;
                treeSize: number;
            } | null;
            receipt: unknown;
            receivedAt: string;
            verified: boolean;
        };
        ReceiptProofViewInput: {
            checkedOnReceipt: string | null;
            messageId: string;
            peer: string;
            problems: string[];
            proof: {
                change: {
                    [key: string]: unknown;
                };
                checkpoint: string;
                entryText: string;
                leafIndex: number;
                path: string[];
                seq: number;
                treeSize: number;
            } | null;
            receipt: unknown;
            receivedAt: string;
            verified: boolean;
        };
        ReceivedFacts: {
            authority: string;
            facts: components["schemas"]["DeclaredFactsContent"];
            nodeId: string;
            own: boolean;
            provenance: string;
            /** @description null for this node’s own published facts */
            receivedAt: string | null;
            /** @description ISO 8601 date-time */
            signedAt: string;
            state: string;
            version: number;
        };
        ReceivedFactsInput: {
            authority: string;
            facts: components["schemas"]["DeclaredFactsContentInput"];
            nodeId: string;
            own: boolean;
            provenance: string;
            /** @description null for this node’s own published facts */
            receivedAt: string | null;
            /** @description ISO 8601 date-time */
            signedAt: string;
            state: string;
            version: number;
        };
        ReceivedStatisticsShare: {
            from: string;
            /** Format: uuid */
            id: string;
            marking: components["schemas"]["StatisticsShareMarking"];
            note: string | null;
            origin: {
                country: string;
                /** @description The sending node’s authority, from its card */
                name: string;
                nodeId: string;
            };
            /** @enum {string} */
            period: "month" | "quarter" | "year";
            receivedAt: string;
            rows: {
                count: number;
                country: string;
                iccsCode: string;
                iccsTitle: string | null;
                /** @description YYYY, YYYY-Qn or YYYY-MM, as `period` says */
                period: string;
                /** @enum {string} */
                source: "seizure" | "incident" | "request";
            }[];
            sharedAt: string;
            sharedBy: {
                organisation: string;
                state: string;
            };
            sources: ("seizure" | "incident" | "request")[];
            to: string;
        };
        ReceivedStatisticsShareInput: {
            from: string;
            /** Format: uuid */
            id: string;
            marking: components["schemas"]["StatisticsShareMarkingInput"];
            note: string | null;
            origin: {
                country: string;
                /** @description The sending node’s authority, from its card */
                name: string;
                nodeId: string;
            };
            /** @enum {string} */
            period: "month" | "quarter" | "year";
            receivedAt: string;
            rows: {
                count: number;
                country: string;
                iccsCode: string;
                iccsTitle: string | null;
                /** @description YYYY, YYYY-Qn or YYYY-MM, as `period` says */
                period: string;
                /** @enum {string} */
                source: "seizure" | "incident" | "request";
            }[];
            sharedAt: string;
            sharedBy: {
                organisation: string;
                state: string;
            };
            sources: ("seizure" | "incident" | "request")[];
            to: string;
        };
        ReceivedStatisticsShares: {
            items: components["schemas"]["ReceivedStatisticsShare"][];
        };
        ReceivedStatisticsSharesInput: {
            items: components["schemas"]["ReceivedStatisticsShareInput"][];
        };
        RecordAnswerBody: {
            /** @enum {string} */
            answer: "acknowledged" | "more-information-requested" | "partially-executed" | "executed" | "refused";
            /** @description Documents that came with the answer (e.g. the evidence returned on execution) */
            documents?: {
                /** @description The file, base64-encoded */
                contentBase64: string;
                filename: string;
                mediaType?: string;
            }[];
            /** @description refused: the grounds given, from GET /api/v1/requests/refusal-grounds */
            grounds?: {
                citation?: string;
                ground: string;
                note?: string;
            }[];
            /** @description What the authority said (required for more information and refusals) */
            reason?: string;
            /**
             * Format: date
             * @description When the answer was received; not in the future, not before transmission
             */
            receivedOn: string;
            version?: number;
        };
        RecordAnswerBodyInput: {
            /** @enum {string} */
            answer: "acknowledged" | "more-information-requested" | "partially-executed" | "executed" | "refused";
            /** @description Documents that came with the answer (e.g. the evidence returned on execution) */
            documents?: {
                /** @description The file, base64-encoded */
                contentBase64: string;
                filename: string;
                mediaType?: string;
            }[];
            /** @description refused: the grounds given, from GET /api/v1/requests/refusal-grounds */
            grounds?: {
                citation?: string;
                ground: string;
                note?: string;
            }[];
            /** @description What the authority said (required for more information and refusals) */
            reason?: string;
            /**
             * Format: date
             * @description When the answer was received; not in the future, not before transmission
             */
            receivedOn: string;
            version?: number;
        };
        RefusalGroundList: {
            items: {
                citation: string;
                id: string;
                label: string;
                types: components["schemas"]["RequestType"][];
            }[];
        };
        RefusalGroundListInput: {
            items: {
                citation: string;
                id: string;
                label: string;
                types: components["schemas"]["RequestTypeInput"][];
            }[];
        };
        RegistryParty: {
            /** @description An entity of the record’s case */
            entityId?: string | null;
            /** @description A phone, account, registration or tax number */
            identifier?: string;
            /** @enum {string} */
            kind: "person" | "company" | "vessel" | "other";
            name: string;
            /** @description Seizures: consignor, consignee, carrier, owner, payer. Incidents: owner, operator, master, charterer, agent */
            role: string;
        };
        RegistryPartyInput: {
            /** @description An entity of the record’s case */
            entityId?: string | null;
            /** @description A phone, account, registration or tax number */
            identifier?: string;
            /** @enum {string} */
            kind: "person" | "company" | "vessel" | "other";
            name: string;
            /** @description Seizures: consignor, consignee, carrier, owner, payer. Incidents: owner, operator, master, charterer, agent */
            role: string;
        };
        RegistryReference: {
            iccs: {
                certain: boolean;
                code: string;
                level: number;
                title: string;
            }[];
            species: {
                cites: string | null;
                common: string;
                name: string;
            }[];
            substances: {
                aliases: string[];
                control: string | null;
                name: string;
            }[];
        };
        RegistryReferenceInput: {
            iccs: {
                certain: boolean;
                code: string;
                level: number;
                title: string;
            }[];
            species: {
                cites: string | null;
                common: string;
                name: string;
            }[];
            substances: {
                aliases: string[];
                control: string | null;
                name: string;
            }[];
        };
        RelatedList: {
            items: components["schemas"]["RelatedRecord"][];
            origin: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "seizure" | "incident";
                occurredAt: string;
                reference: string;
            };
            windowDays: number;
        };
        RelatedListInput: {
            items: components["schemas"]["RelatedRecordInput"][];
            origin: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "seizure" | "incident";
                occurredAt: string;
                reference: string;
            };
            windowDays: number;
        };
        RelatedRecord: {
            country: string | null;
            domains: string[];
            /** Format: uuid */
            id: string;
            incidentKind: string | null;
            /** @enum {string} */
            kind: "seizure" | "incident";
            occurredAt: string;
            reference: string;
            shared: components["schemas"]["SharedElement"][];
            vesselName: string | null;
        };
        RelatedRecordInput: {
            country: string | null;
            domains: string[];
            /** Format: uuid */
            id: string;
            incidentKind: string | null;
            /** @enum {string} */
            kind: "seizure" | "incident";
            occurredAt: string;
            reference: string;
            shared: components["schemas"]["SharedElementInput"][];
            vesselName: string | null;
        };
        Request: {
            /** @description What you may do now (your side, your role, four eyes) */
            allowedActions: components["schemas"]["RequestAction"][];
            applicableLaw?: string;
            approvedAt: string | null;
            approvedBy: {
                email: string;
                id: string;
            } | null;
            attachments: components["schemas"]["RequestAttachment"][];
            /** @description The case this request is linked to, when you may read that case */
            case?: components["schemas"]["CaseRef"] | null;
            caseReference?: string;
            closedAt: string | null;
            confidentiality: {
                confidential: boolean;
                note?: string;
            };
            /**
             * Format: uuid
             * @description Shared by the requesting and the requested side’s records
             */
            conversationId: string;
            /** @description The other side’s node when it is a peer; its messages are verified by signature */
            counterpartNodeId: string | null;
            /** @description The other side’s reference, once known */
            counterpartReference: string | null;
            createdAt: string;
            createdBy: {
                email: string;
                id: string;
            } | null;
            deadline?: string | null;
            deadlineReason?: string;
            /**
             * @description How the request reaches the requested authority: on this node, by federation, or outside Comity with transmission and answers recorded by the requesting side
             * @enum {string}
             */
            delivery?: "this-node" | "peer-node" | "recorded" | "none";
            editable: boolean;
            executedAt: string | null;
            executionStartedAt: string | null;
            facts?: string;
            handling?: components["schemas"]["HandlingCode"];
            handlingNote?: string;
            /** Format: uuid */
            id: string;
            language: string;
            lastEditedBy: {
                email: string;
                id: string;
            } | null;
            legalBasis?: components["schemas"]["LegalBasisChoice"] | null;
            /** @description Trusted peers of the requested State this request can be linked to */
            linkCandidates?: {
                name: string;
                nodeId: string;
            }[];
            marking: components["schemas"]["TlpMarking"];
            measures: components["schemas"]["RequestMeasure"][];
            offences: components["schemas"]["RequestOffence"][];
            overdue: ("acknowledgement" | "execution" | "deadline")[];
            persons: components["schemas"]["RequestPersonView"][];
            policy: components["schemas"]["RequestPolicy"];
            postponement: {
                reason: string;
                until: string;
            } | null;
            procedure?: string;
            proceedings: {
                authority?: string;
                authorityFunctions?: string;
                /** @enum {string} */
                stage?: "investigation" | "prosecution" | "trial" | "enforcement";
            };
            purpose?: string;
            receivedAt: string | null;
            /** @description Answers you may record now (authorities without a node) */
            recordableAnswers?: ("acknowledged" | "more-information-requested" | "partially-executed" | "executed" | "refused")[];
            reference: string;
            refusal: {
                grounds: {
                    citation: string;
                    ground: string;
                    label: string;
                    note?: string;
                }[];
                reason: string;
            } | null;
            requested: {
                name: string | null;
                organisationId: string | null;
                state: string;
            };
            requestedAuthority?: components["schemas"]["RequestedAuthorityRef"] | null;
            /** @description The peer node of the requested authority, when it is not on this node */
            requestedNodeId?: string | null;
            requestedOrganisationId?: string | null;
            requestedState: string;
            requesting: {
                name: string | null;
                organisationId: string | null;
                state: string;
            };
            /** @enum {string} */
            side: "requesting" | "requested";
            state: components["schemas"]["RequestState"];
            submittedAt: string | null;
            submittedBy: {
                email: string;
                id: string;
            } | null;
            timeline: components["schemas"]["RequestTimelineEvent"][];
            title: string;
            transmittedAt: string | null;
            type: components["schemas"]["RequestType"];
            updatedAt: string;
            urgency: {
                reason?: string;
                urgent: boolean;
            };
            useLimitations: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUse"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
            version: number;
        };
        /** @enum {string} */
        RequestAction: "submit" | "return-to-draft" | "approve" | "transmit" | "receive" | "start-execution" | "request-more-info" | "provide-more-info" | "partially-execute" | "execute" | "refuse" | "postpone" | "withdraw";
        /** @enum {string} */
        RequestActionInput: "submit" | "return-to-draft" | "approve" | "transmit" | "receive" | "start-execution" | "request-more-info" | "provide-more-info" | "partially-execute" | "execute" | "refuse" | "postpone" | "withdraw";
        RequestAttachment: {
            /** @description Set when the file came with an answer the requesting side recorded */
            answerEventId?: string | null;
            filename: string;
            /** Format: uuid */
            id: string;
            mediaType: string;
            sentAt: string | null;
            /** @description 'transmit' when it is part of the request; the answer it was returned with ('execute', 'partially-execute', 'provide-more-info'); null while it waits to be sent with your next answer */
            sentWith: string | null;
            sha256: string;
            size: number;
            /**
             * @description The side that supplied the file: the requesting side (with the request or an answer for more information) or the requested side (documents and evidence it returns)
             * @enum {string}
             */
            suppliedBy: "requesting" | "requested";
            uploadedAt: string;
            uploadedBy: string | null;
        };
        RequestAttachmentInput: {
            /** @description Set when the file came with an answer the requesting side recorded */
            answerEventId?: string | null;
            filename: string;
            /** Format: uuid */
            id: string;
            mediaType: string;
            sentAt: string | null;
            /** @description 'transmit' when it is part of the request; the answer it was returned with ('execute', 'partially-execute', 'provide-more-info'); null while it waits to be sent with your next answer */
            sentWith: string | null;
            sha256: string;
            size: number;
            /**
             * @description The side that supplied the file: the requesting side (with the request or an answer for more information) or the requested side (documents and evidence it returns)
             * @enum {string}
             */
            suppliedBy: "requesting" | "requested";
            uploadedAt: string;
            uploadedBy: string | null;
        };
        RequestCaseAnswer: {
            case: components["schemas"]["CaseRef"] | null;
        };
        RequestCaseAnswerInput: {
            case: components["schemas"]["CaseRefInput"] | null;
        };
        RequestCaseBody: {
            /** @description The case to link the request to; null unlinks it from its case */
            caseId: string | null;
        };
        RequestCaseBodyInput: {
            /** @description The case to link the request to; null unlinks it from its case */
            caseId: string | null;
        };
        RequestInput: {
            /** @description What you may do now (your side, your role, four eyes) */
            allowedActions: components["schemas"]["RequestActionInput"][];
            applicableLaw?: string;
            approvedAt: string | null;
            approvedBy: {
                email: string;
                id: string;
            } | null;
            attachments: components["schemas"]["RequestAttachmentInput"][];
            /** @description The case this request is linked to, when you may read that case */
            case?: components["schemas"]["CaseRefInput"] | null;
            caseReference?: string;
            closedAt: string | null;
            confidentiality: {
                confidential: boolean;
                note?: string;
            };
            /**
             * Format: uuid
             * @description Shared by the requesting and the requested side’s records
             */
            conversationId: string;
            /** @description The other side’s node when it is a peer; its messages are verified by signature */
            counterpartNodeId: string | null;
            /** @description The other side’s reference, once known */
            counterpartReference: string | null;
            createdAt: string;
            createdBy: {
                email: string;
                id: string;
            } | null;
            deadline?: string | null;
            deadlineReason?: string;
            /**
             * @description How the request reaches the requested authority: on this node, by federation, or outside Comity with transmission and answers recorded by the requesting side
             * @enum {string}
             */
            delivery?: "this-node" | "peer-node" | "recorded" | "none";
            editable: boolean;
            executedAt: string | null;
            executionStartedAt: string | null;
            facts?: string;
            handling?: components["schemas"]["HandlingCodeInput"];
            handlingNote?: string;
            /** Format: uuid */
            id: string;
            language: string;
            lastEditedBy: {
                email: string;
                id: string;
            } | null;
            legalBasis?: components["schemas"]["LegalBasisChoiceInput"] | null;
            /** @description Trusted peers of the requested State this request can be linked to */
            linkCandidates?: {
                name: string;
                nodeId: string;
            }[];
            marking: components["schemas"]["TlpMarkingInput"];
            measures: components["schemas"]["RequestMeasureInput"][];
            offences: components["schemas"]["RequestOffenceInput"][];
            overdue: ("acknowledgement" | "execution" | "deadline")[];
            persons: components["schemas"]["RequestPersonViewInput"][];
            policy: components["schemas"]["RequestPolicyInput"];
            postponement: {
                reason: string;
                until: string;
            } | null;
            procedure?: string;
            proceedings: {
                authority?: string;
                authorityFunctions?: string;
                /** @enum {string} */
                stage?: "investigation" | "prosecution" | "trial" | "enforcement";
            };
            purpose?: string;
            receivedAt: string | null;
            /** @description Answers you may record now (authorities without a node) */
            recordableAnswers?: ("acknowledged" | "more-information-requested" | "partially-executed" | "executed" | "refused")[];
            reference: string;
            refusal: {
                grounds: {
                    citation: string;
                    ground: string;
                    label: string;
                    note?: string;
                }[];
                reason: string;
            } | null;
            requested: {
                name: string | null;
                organisationId: string | null;
                state: string;
            };
            requestedAuthority?: components["schemas"]["RequestedAuthorityRefInput"] | null;
            /** @description The peer node of the requested authority, when it is not on this node */
            requestedNodeId?: string | null;
            requestedOrganisationId?: string | null;
            requestedState: string;
            requesting: {
                name: string | null;
                organisationId: string | null;
                state: string;
            };
            /** @enum {string} */
            side: "requesting" | "requested";
            state: components["schemas"]["RequestStateInput"];
            submittedAt: string | null;
            submittedBy: {
                email: string;
                id: string;
            } | null;
            timeline: components["schemas"]["RequestTimelineEventInput"][];
            title: string;
            transmittedAt: string | null;
            type: components["schemas"]["RequestTypeInput"];
            updatedAt: string;
            urgency: {
                reason?: string;
                urgent: boolean;
            };
            useLimitations: {
                limits?: string;
                /** @description The uses permitted; absent: any lawful use */
                permittedUses?: components["schemas"]["PermittedUseInput"][];
                /** @description After this date, uses beyond reading need the originator again */
                reviewOn?: string | null;
                /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                speciality?: boolean;
            };
            version: number;
        };
        RequestList: {
            items: components["schemas"]["RequestSummary"][];
            total: number;
        };
        RequestListInput: {
            items: components["schemas"]["RequestSummaryInput"][];
            total: number;
        };
        /** @description One measure; which fields matter depends on its kind (see the completeness rules) */
        RequestMeasure: {
            accounts?: string;
            composition?: string;
            conditions?: string;
            consentGiven?: boolean;
            custodian?: string;
            custodyArrangements?: string;
            description?: string;
            /** @enum {string} */
            disposalGround?: "uncac-57-3-a" | "uncac-57-3-b" | "uncac-57-3-c";
            disposalProposal?: string;
            duration?: string;
            estimatedValue?: string;
            followUpRequestIntended?: boolean;
            id: string;
            items?: string;
            kind: components["schemas"]["MeasureKind"];
            location?: string;
            necessity?: string;
            order?: components["schemas"]["Order"];
            period?: string;
            personIds?: string[];
            priorOwnership?: string;
            questions?: string;
            reasons?: string;
            relationToOffence?: string;
            sentence?: string;
            thirdPartyNotice?: string;
            videoconference?: boolean;
            videoconferenceReason?: string;
        };
        /** @description One measure; which fields matter depends on its kind (see the completeness rules) */
        RequestMeasureInput: {
            accounts?: string;
            composition?: string;
            conditions?: string;
            consentGiven?: boolean;
            custodian?: string;
            custodyArrangements?: string;
            description?: string;
            /** @enum {string} */
            disposalGround?: "uncac-57-3-a" | "uncac-57-3-b" | "uncac-57-3-c";
            disposalProposal?: string;
            duration?: string;
            estimatedValue?: string;
            followUpRequestIntended?: boolean;
            id: string;
            items?: string;
            kind: components["schemas"]["MeasureKindInput"];
            location?: string;
            necessity?: string;
            order?: components["schemas"]["OrderInput"];
            period?: string;
            personIds?: string[];
            priorOwnership?: string;
            questions?: string;
            reasons?: string;
            relationToOffence?: string;
            sentence?: string;
            thirdPartyNotice?: string;
            videoconference?: boolean;
            videoconferenceReason?: string;
        };
        RequestOffence: {
            /** @enum {string} */
            category: "organized-crime-participation" | "corruption" | "money-laundering" | "drug-trafficking" | "trafficking-in-persons" | "migrant-smuggling" | "firearms-trafficking" | "terrorism" | "terrorist-financing" | "hostage-taking" | "cybercrime" | "wildlife-trafficking" | "cultural-property-trafficking" | "organ-trafficking" | "falsified-medical-products" | "tobacco-smuggling" | "piracy" | "fraud" | "other-serious-crime";
            iccs?: string;
            legalDescription?: string;
            limitation?: string;
            maxPenalty?: string;
            provisions?: string;
            timeAndPlace?: string;
        };
        RequestOffenceInput: {
            /** @enum {string} */
            category: "organized-crime-participation" | "corruption" | "money-laundering" | "drug-trafficking" | "trafficking-in-persons" | "migrant-smuggling" | "firearms-trafficking" | "terrorism" | "terrorist-financing" | "hostage-taking" | "cybercrime" | "wildlife-trafficking" | "cultural-property-trafficking" | "organ-trafficking" | "falsified-medical-products" | "tobacco-smuggling" | "piracy" | "fraud" | "other-serious-crime";
            iccs?: string;
            legalDescription?: string;
            limitation?: string;
            maxPenalty?: string;
            provisions?: string;
            timeAndPlace?: string;
        };
        RequestPerson: {
            aliases?: string;
            /** @enum {string} */
            consent?: "given" | "refused" | "not-asked";
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            dateOfBirth?: string;
            /** @description Physical description (extradition) */
            description?: string;
            /** @description Chosen by the client; measures refer to persons by it */
            id: string;
            identityDocuments?: string;
            /**
             * @default natural
             * @enum {string}
             */
            kind: "natural" | "legal";
            location?: string;
            name?: string;
            nationality?: unknown;
            notes?: string;
            placeOfBirth?: string;
            protectionDetails?: string;
            protectionNeeded?: boolean;
            /** @enum {string} */
            role: "suspect" | "accused" | "convicted" | "witness" | "victim" | "expert" | "other";
            /** @description Victims: wish to be informed of the proceedings */
            wishesToBeInformed?: boolean;
        };
        RequestPersonInput: {
            aliases?: string;
            /** @enum {string} */
            consent?: "given" | "refused" | "not-asked";
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            dateOfBirth?: string;
            /** @description Physical description (extradition) */
            description?: string;
            /** @description Chosen by the client; measures refer to persons by it */
            id: string;
            identityDocuments?: string;
            /**
             * @default natural
             * @enum {string}
             */
            kind?: "natural" | "legal";
            location?: string;
            name?: string;
            nationality?: string;
            notes?: string;
            placeOfBirth?: string;
            protectionDetails?: string;
            protectionNeeded?: boolean;
            /** @enum {string} */
            role: "suspect" | "accused" | "convicted" | "witness" | "victim" | "expert" | "other";
            /** @description Victims: wish to be informed of the proceedings */
            wishesToBeInformed?: boolean;
        };
        RequestPersonView: {
            aliases?: string;
            /** @enum {string} */
            consent?: "given" | "refused" | "not-asked";
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            dateOfBirth?: string;
            /** @description Physical description (extradition) */
            description?: string;
            /** @description Chosen by the client; measures refer to persons by it */
            id: string;
            identityDocuments?: string;
            /**
             * @default natural
             * @enum {string}
             */
            kind: "natural" | "legal";
            location?: string;
            name?: string;
            nationality?: string;
            notes?: string;
            placeOfBirth?: string;
            protectionDetails?: string;
            protectionNeeded?: boolean;
            /** @enum {string} */
            role: "suspect" | "accused" | "convicted" | "witness" | "victim" | "expert" | "other";
            /** @description Victims: wish to be informed of the proceedings */
            wishesToBeInformed?: boolean;
        };
        RequestPersonViewInput: {
            aliases?: string;
            /** @enum {string} */
            consent?: "given" | "refused" | "not-asked";
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            dateOfBirth?: string;
            /** @description Physical description (extradition) */
            description?: string;
            /** @description Chosen by the client; measures refer to persons by it */
            id: string;
            identityDocuments?: string;
            /**
             * @default natural
             * @enum {string}
             */
            kind?: "natural" | "legal";
            location?: string;
            name?: string;
            nationality?: string;
            notes?: string;
            placeOfBirth?: string;
            protectionDetails?: string;
            protectionNeeded?: boolean;
            /** @enum {string} */
            role: "suspect" | "accused" | "convicted" | "witness" | "victim" | "expert" | "other";
            /** @description Victims: wish to be informed of the proceedings */
            wishesToBeInformed?: boolean;
        };
        RequestPolicy: {
            /** @description The strictest of its own marking and those of what it was made from */
            effective: components["schemas"]["Marking"];
            /** @description Whether you may export it now, per format */
            exports: {
                [key: string]: {
                    allow: boolean;
                    reason?: string;
                    rule: string;
                };
            };
            /** @description Its own marking first, then those of what it was made from */
            sources: {
                key: string;
                marking: components["schemas"]["Marking"];
            }[];
        };
        RequestPolicyInput: {
            /** @description The strictest of its own marking and those of what it was made from */
            effective: components["schemas"]["MarkingInput"];
            /** @description Whether you may export it now, per format */
            exports: {
                [key: string]: {
                    allow: boolean;
                    reason?: string;
                    rule: string;
                };
            };
            /** @description Its own marking first, then those of what it was made from */
            sources: {
                key: string;
                marking: components["schemas"]["MarkingInput"];
            }[];
        };
        /** @enum {string} */
        RequestState: "draft" | "awaiting-approval" | "approved" | "transmitted" | "received" | "under-execution" | "more-information-requested" | "partially-executed" | "executed" | "refused" | "withdrawn" | "postponed";
        /** @enum {string} */
        RequestStateInput: "draft" | "awaiting-approval" | "approved" | "transmitted" | "received" | "under-execution" | "more-information-requested" | "partially-executed" | "executed" | "refused" | "withdrawn" | "postponed";
        RequestStatistics: {
            groups: {
                /** @description Days from transmission to acknowledgement of receipt */
                acknowledge: {
                    count: number;
                    medianDays: number | null;
                    p90Days: number | null;
                };
                byState: {
                    [key: string]: number;
                };
                counterpartState: string;
                /** @description Days from transmission to execution */
                execute: {
                    count: number;
                    medianDays: number | null;
                    p90Days: number | null;
                };
                overdue: number;
                refusalGrounds: {
                    citation: string;
                    count: number;
                    ground: string;
                }[];
                total: number;
                type: components["schemas"]["RequestType"];
            }[];
            /** @enum {string} */
            side: "requesting" | "requested";
            totals: {
                /** @description Days from transmission to acknowledgement of receipt */
                acknowledge: {
                    count: number;
                    medianDays: number | null;
                    p90Days: number | null;
                };
                byState: {
                    [key: string]: number;
                };
                /** @description Days from transmission to execution */
                execute: {
                    count: number;
                    medianDays: number | null;
                    p90Days: number | null;
                };
                overdue: number;
                refusalGrounds: {
                    citation: string;
                    count: number;
                    ground: string;
                }[];
                total: number;
            };
        };
        RequestStatisticsInput: {
            groups: {
                /** @description Days from transmission to acknowledgement of receipt */
                acknowledge: {
                    count: number;
                    medianDays: number | null;
                    p90Days: number | null;
                };
                byState: {
                    [key: string]: number;
                };
                counterpartState: string;
                /** @description Days from transmission to execution */
                execute: {
                    count: number;
                    medianDays: number | null;
                    p90Days: number | null;
                };
                overdue: number;
                refusalGrounds: {
                    citation: string;
                    count: number;
                    ground: string;
                }[];
                total: number;
                type: components["schemas"]["RequestTypeInput"];
            }[];
            /** @enum {string} */
            side: "requesting" | "requested";
            totals: {
                /** @description Days from transmission to acknowledgement of receipt */
                acknowledge: {
                    count: number;
                    medianDays: number | null;
                    p90Days: number | null;
                };
                byState: {
                    [key: string]: number;
                };
                /** @description Days from transmission to execution */
                execute: {
                    count: number;
                    medianDays: number | null;
                    p90Days: number | null;
                };
                overdue: number;
                refusalGrounds: {
                    citation: string;
                    count: number;
                    ground: string;
                }[];
                total: number;
            };
        };
        RequestStatusPayload: {
            action: components["schemas"]["RequestAction"];
            actorOrganisation: string;
            at: string;
            /** @description Files returned with this answer (execution, partial execution, more information); sent ahead as attachment.chunk messages like a request’s own files. Nodes that speak the evidence transfer send `evidence` instead; this is still accepted from older nodes */
            attachments?: {
                filename: string;
                mediaType: string;
                sha256: string;
                size: number;
            }[];
            /** Format: uuid */
            conversationId: string;
            /** @description Files returned with this answer as evidence items: each was offered (evidence.offer, binary chunks) ahead of this message, and the receiver links the item it accepted from that transfer to the answer */
            evidence?: {
                /**
                 * Format: uuid
                 * @description The item in the sending node’s vault (the offer’s item.id)
                 */
                itemId: string;
                sha256: string;
                title: string;
                /**
                 * Format: uuid
                 * @description The evidence.offer that carried the item, queued ahead of this message in the conversation
                 */
                transferId: string;
            }[];
            fromState: components["schemas"]["RequestState"];
            grounds?: {
                citation: string;
                ground: string;
                label: string;
                note?: string;
            }[];
            reason: string | null;
            /** @description The acting side’s own reference */
            reference?: string;
            /**
             * @description The side that acted
             * @enum {string}
             */
            side: "requesting" | "requested";
            toState: components["schemas"]["RequestState"];
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            until?: string;
            /** @constant */
            v: 1;
        };
        RequestStatusPayloadInput: {
            action: components["schemas"]["RequestActionInput"];
            actorOrganisation: string;
            at: string;
            /** @description Files returned with this answer (execution, partial execution, more information); sent ahead as attachment.chunk messages like a request’s own files. Nodes that speak the evidence transfer send `evidence` instead; this is still accepted from older nodes */
            attachments?: {
                filename: string;
                mediaType: string;
                sha256: string;
                size: number;
            }[];
            /** Format: uuid */
            conversationId: string;
            /** @description Files returned with this answer as evidence items: each was offered (evidence.offer, binary chunks) ahead of this message, and the receiver links the item it accepted from that transfer to the answer */
            evidence?: {
                /**
                 * Format: uuid
                 * @description The item in the sending node’s vault (the offer’s item.id)
                 */
                itemId: string;
                sha256: string;
                title: string;
                /**
                 * Format: uuid
                 * @description The evidence.offer that carried the item, queued ahead of this message in the conversation
                 */
                transferId: string;
            }[];
            fromState: components["schemas"]["RequestStateInput"];
            grounds?: {
                citation: string;
                ground: string;
                label: string;
                note?: string;
            }[];
            reason: string | null;
            /** @description The acting side’s own reference */
            reference?: string;
            /**
             * @description The side that acted
             * @enum {string}
             */
            side: "requesting" | "requested";
            toState: components["schemas"]["RequestStateInput"];
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD
             */
            until?: string;
            /** @constant */
            v: 1;
        };
        RequestSummary: {
            /** @description The case this request is linked to, when you may read that case */
            case?: components["schemas"]["CaseRef"] | null;
            createdAt: string;
            deadline: string | null;
            handling: components["schemas"]["HandlingCode"];
            /** Format: uuid */
            id: string;
            /** @description The use limitations that apply (its own and those of what it was made from) */
            limitations: components["schemas"]["LimitationFlag"][];
            marking: components["schemas"]["TlpMarking"];
            overdue: ("acknowledgement" | "execution" | "deadline")[];
            reference: string;
            requested: {
                name: string | null;
                organisationId: string | null;
                state: string;
            };
            requesting: {
                name: string | null;
                organisationId: string | null;
                state: string;
            };
            /** @enum {string} */
            side: "requesting" | "requested";
            state: components["schemas"]["RequestState"];
            title: string;
            transmittedAt: string | null;
            type: components["schemas"]["RequestType"];
            updatedAt: string;
            urgent: boolean;
            version: number;
            /** @description Set when the policy does not let you read this record: the rule, and only the reference and marking are shown */
            withheld: {
                citation: string;
                reason: string;
                rule: string;
            } | null;
        };
        RequestSummaryInput: {
            /** @description The case this request is linked to, when you may read that case */
            case?: components["schemas"]["CaseRefInput"] | null;
            createdAt: string;
            deadline: string | null;
            handling: components["schemas"]["HandlingCodeInput"];
            /** Format: uuid */
            id: string;
            /** @description The use limitations that apply (its own and those of what it was made from) */
            limitations: components["schemas"]["LimitationFlagInput"][];
            marking: components["schemas"]["TlpMarkingInput"];
            overdue: ("acknowledgement" | "execution" | "deadline")[];
            reference: string;
            requested: {
                name: string | null;
                organisationId: string | null;
                state: string;
            };
            requesting: {
                name: string | null;
                organisationId: string | null;
                state: string;
            };
            /** @enum {string} */
            side: "requesting" | "requested";
            state: components["schemas"]["RequestStateInput"];
            title: string;
            transmittedAt: string | null;
            type: components["schemas"]["RequestTypeInput"];
            updatedAt: string;
            urgent: boolean;
            version: number;
            /** @description Set when the policy does not let you read this record: the rule, and only the reference and marking are shown */
            withheld: {
                citation: string;
                reason: string;
                rule: string;
            } | null;
        };
        RequestTimelineEvent: {
            action: string;
            actor: {
                email: string | null;
                organisation: string | null;
            };
            at: string;
            details: {
                [key: string]: unknown;
            };
            fromState: components["schemas"]["RequestState"] | null;
            /**
             * @description counterpart: mirrored from the other side; recorded: the requesting side recorded an answer of an authority without a node
             * @enum {string}
             */
            origin: "own" | "counterpart" | "recorded";
            reason: string | null;
            seq: number;
            /**
             * @description Which side acted
             * @enum {string}
             */
            side: "requesting" | "requested";
            toState: components["schemas"]["RequestState"];
        };
        RequestTimelineEventInput: {
            action: string;
            actor: {
                email: string | null;
                organisation: string | null;
            };
            at: string;
            details: {
                [key: string]: unknown;
            };
            fromState: components["schemas"]["RequestStateInput"] | null;
            /**
             * @description counterpart: mirrored from the other side; recorded: the requesting side recorded an answer of an authority without a node
             * @enum {string}
             */
            origin: "own" | "counterpart" | "recorded";
            reason: string | null;
            seq: number;
            /**
             * @description Which side acted
             * @enum {string}
             */
            side: "requesting" | "requested";
            toState: components["schemas"]["RequestStateInput"];
        };
        RequestTransmitPayload: {
            approvedAt: string | null;
            attachments: {
                filename: string;
                mediaType: string;
                sha256: string;
                size: number;
            }[];
            content: {
                applicableLaw?: string;
                caseReference?: string;
                confidentiality: {
                    confidential: boolean;
                    note?: string;
                };
                deadline?: string | null;
                deadlineReason?: string;
                facts?: string;
                handling?: components["schemas"]["HandlingCode"];
                handlingNote?: string;
                language: string;
                legalBasis?: components["schemas"]["LegalBasisChoice"] | null;
                marking: components["schemas"]["TlpMarking"];
                measures: components["schemas"]["RequestMeasure"][];
                offences: components["schemas"]["RequestOffence"][];
                persons: components["schemas"]["RequestPerson"][];
                procedure?: string;
                proceedings: {
                    authority?: string;
                    authorityFunctions?: string;
                    /** @enum {string} */
                    stage?: "investigation" | "prosecution" | "trial" | "enforcement";
                };
                purpose?: string;
                requestedState: string;
                title: string;
                urgency: {
                    reason?: string;
                    urgent: boolean;
                };
                useLimitations: {
                    limits?: string;
                    /** @description The uses permitted; absent: any lawful use */
                    permittedUses?: components["schemas"]["PermittedUse"][];
                    /** @description After this date, uses beyond reading need the originator again */
                    reviewOn?: string | null;
                    /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                    speciality?: boolean;
                };
            };
            /** Format: uuid */
            conversationId: string;
            /** @description The requesting side’s reference */
            reference: string;
            requested: {
                name: string;
                organisationId: string | null;
                state: string;
            };
            requesting: {
                name: string;
                organisationId: string | null;
                state: string;
            };
            submittedAt: string | null;
            transmittedAt: string;
            type: components["schemas"]["RequestType"];
            /** @constant */
            v: 1;
        };
        RequestTransmitPayloadInput: {
            approvedAt: string | null;
            attachments: {
                filename: string;
                mediaType: string;
                sha256: string;
                size: number;
            }[];
            content: {
                applicableLaw?: string;
                caseReference?: string;
                confidentiality: {
                    confidential: boolean;
                    note?: string;
                };
                deadline?: string | null;
                deadlineReason?: string;
                facts?: string;
                handling?: components["schemas"]["HandlingCodeInput"];
                handlingNote?: string;
                language: string;
                legalBasis?: components["schemas"]["LegalBasisChoiceInput"] | null;
                marking: components["schemas"]["TlpMarkingInput"];
                measures: components["schemas"]["RequestMeasureInput"][];
                offences: components["schemas"]["RequestOffenceInput"][];
                persons: components["schemas"]["RequestPersonInput"][];
                procedure?: string;
                proceedings: {
                    authority?: string;
                    authorityFunctions?: string;
                    /** @enum {string} */
                    stage?: "investigation" | "prosecution" | "trial" | "enforcement";
                };
                purpose?: string;
                requestedState: string;
                title: string;
                urgency: {
                    reason?: string;
                    urgent: boolean;
                };
                useLimitations: {
                    limits?: string;
                    /** @description The uses permitted; absent: any lawful use */
                    permittedUses?: components["schemas"]["PermittedUseInput"][];
                    /** @description After this date, uses beyond reading need the originator again */
                    reviewOn?: string | null;
                    /** @description Speciality: use only for the proceedings of this request (UNTOC 18(19), UNCAC 46(19)) */
                    speciality?: boolean;
                };
            };
            /** Format: uuid */
            conversationId: string;
            /** @description The requesting side’s reference */
            reference: string;
            requested: {
                name: string;
                organisationId: string | null;
                state: string;
            };
            requesting: {
                name: string;
                organisationId: string | null;
                state: string;
            };
            submittedAt: string | null;
            transmittedAt: string;
            type: components["schemas"]["RequestTypeInput"];
            /** @constant */
            v: 1;
        };
        /** @enum {string} */
        RequestType: "mla" | "extradition" | "asset-recovery" | "transfer-of-proceedings" | "jit" | "spontaneous-information";
        /** @enum {string} */
        RequestTypeInput: "mla" | "extradition" | "asset-recovery" | "transfer-of-proceedings" | "jit" | "spontaneous-information";
        RequestedAuthorityRef: {
            article?: string | null;
            id: string;
            instrument?: string | null;
            /** @description The node it joined with, once its requests were linked */
            linkedNodeId?: string | null;
            name: string;
            /** @enum {string} */
            source: "treaty-designation" | "peer-node" | "administrator" | "node-declaration";
            state: string;
        };
        RequestedAuthorityRefInput: {
            article?: string | null;
            id: string;
            instrument?: string | null;
            /** @description The node it joined with, once its requests were linked */
            linkedNodeId?: string | null;
            name: string;
            /** @enum {string} */
            source: "treaty-designation" | "peer-node" | "administrator" | "node-declaration";
            state: string;
        };
        RouteStop: {
            country: unknown;
            port?: string;
            /** @enum {string} */
            stage: "origin" | "transit" | "destination";
        };
        RouteStopInput: {
            country: string;
            port?: string;
            /** @enum {string} */
            stage: "origin" | "transit" | "destination";
        };
        SealBody: {
            note?: string;
        };
        SealBodyInput: {
            note?: string;
        };
        SealedPayload: {
            /** @constant */
            alg: "X25519-HKDF-SHA256-A256GCM";
            ciphertext: string;
            epk: string;
            nonce: string;
            recipientKey: string;
        };
        SealedPayloadInput: {
            /** @constant */
            alg: "X25519-HKDF-SHA256-A256GCM";
            ciphertext: string;
            epk: string;
            nonce: string;
            recipientKey: string;
        };
        SeizedItem: {
            citesAppendix?: ("I" | "II" | "III" | "I/II") | null;
            /** @constant */
            domain: "wildlife";
            /** @description Greater than 0 */
            quantity: number;
            /** @description Scientific name, from the species list */
            species: string;
            /** @enum {string} */
            specimenType: "live" | "dead" | "ivory" | "horn" | "scales" | "skins" | "bones" | "meat" | "timber" | "swim-bladder" | "fins" | "eggs" | "derivatives" | "other";
            /** @enum {string} */
            unit: "kg" | "g" | "t" | "l" | "pieces" | "specimens" | "sticks" | "tablets" | "doses" | "packs" | "m3" | "currency";
        } | {
            /** @constant */
            domain: "drugs";
            /** @description Percent by weight */
            purity?: number | null;
            /** @description Greater than 0 */
            quantity: number;
            /** @description From the substance list (name or alias) */
            substance: string;
            /** @enum {string} */
            unit: "kg" | "g" | "t" | "l" | "pieces" | "specimens" | "sticks" | "tablets" | "doses" | "packs" | "m3" | "currency";
        } | {
            activeIngredient?: string;
            batch?: string;
            claimedManufacturer?: string;
            /** @constant */
            domain: "medical";
            product: string;
            /** @description Greater than 0 */
            quantity: number;
            /** @enum {string} */
            status?: "falsified" | "substandard" | "unregistered";
            /** @enum {string} */
            unit: "kg" | "g" | "t" | "l" | "pieces" | "specimens" | "sticks" | "tablets" | "doses" | "packs" | "m3" | "currency";
        } | {
            brand?: string;
            /** @constant */
            domain: "tobacco";
            /** @enum {string} */
            productType: "cigarettes" | "cigars" | "raw-tobacco" | "water-pipe-tobacco" | "heated-tobacco" | "other";
            /** @description Greater than 0 */
            quantity: number;
            /** @enum {string} */
            taxStamps?: "none" | "genuine" | "counterfeit" | "foreign";
            /** @enum {string} */
            unit: "kg" | "g" | "t" | "l" | "pieces" | "specimens" | "sticks" | "tablets" | "doses" | "packs" | "m3" | "currency";
        } | {
            currency?: string;
            description: string;
            /** @constant */
            domain: "other";
            /** @description Greater than 0 */
            quantity?: number;
            /** @enum {string} */
            unit?: "kg" | "g" | "t" | "l" | "pieces" | "specimens" | "sticks" | "tablets" | "doses" | "packs" | "m3" | "currency";
        };
        SeizedItemInput: {
            citesAppendix?: ("I" | "II" | "III" | "I/II") | null;
            /** @constant */
            domain: "wildlife";
            /** @description Greater than 0 */
            quantity: number;
            /** @description Scientific name, from the species list */
            species: string;
            /** @enum {string} */
            specimenType: "live" | "dead" | "ivory" | "horn" | "scales" | "skins" | "bones" | "meat" | "timber" | "swim-bladder" | "fins" | "eggs" | "derivatives" | "other";
            /** @enum {string} */
            unit: "kg" | "g" | "t" | "l" | "pieces" | "specimens" | "sticks" | "tablets" | "doses" | "packs" | "m3" | "currency";
        } | {
            /** @constant */
            domain: "drugs";
            /** @description Percent by weight */
            purity?: number | null;
            /** @description Greater than 0 */
            quantity: number;
            /** @description From the substance list (name or alias) */
            substance: string;
            /** @enum {string} */
            unit: "kg" | "g" | "t" | "l" | "pieces" | "specimens" | "sticks" | "tablets" | "doses" | "packs" | "m3" | "currency";
        } | {
            activeIngredient?: string;
            batch?: string;
            claimedManufacturer?: string;
            /** @constant */
            domain: "medical";
            product: string;
            /** @description Greater than 0 */
            quantity: number;
            /** @enum {string} */
            status?: "falsified" | "substandard" | "unregistered";
            /** @enum {string} */
            unit: "kg" | "g" | "t" | "l" | "pieces" | "specimens" | "sticks" | "tablets" | "doses" | "packs" | "m3" | "currency";
        } | {
            brand?: string;
            /** @constant */
            domain: "tobacco";
            /** @enum {string} */
            productType: "cigarettes" | "cigars" | "raw-tobacco" | "water-pipe-tobacco" | "heated-tobacco" | "other";
            /** @description Greater than 0 */
            quantity: number;
            /** @enum {string} */
            taxStamps?: "none" | "genuine" | "counterfeit" | "foreign";
            /** @enum {string} */
            unit: "kg" | "g" | "t" | "l" | "pieces" | "specimens" | "sticks" | "tablets" | "doses" | "packs" | "m3" | "currency";
        } | {
            currency?: string;
            description: string;
            /** @constant */
            domain: "other";
            /** @description Greater than 0 */
            quantity?: number;
            /** @enum {string} */
            unit?: "kg" | "g" | "t" | "l" | "pieces" | "specimens" | "sticks" | "tablets" | "doses" | "packs" | "m3" | "currency";
        };
        /** @enum {string} */
        SeizureDomain: "wildlife" | "drugs" | "medical" | "tobacco" | "other";
        /** @enum {string} */
        SeizureDomainInput: "wildlife" | "drugs" | "medical" | "tobacco" | "other";
        SeizureImportBody: {
            /** @description The case every imported seizure belongs to */
            caseId?: string | null;
            content: string;
            dryRun?: boolean;
            /** @enum {string} */
            format: "csv" | "xlsx";
            mapping?: {
                [key: string]: components["schemas"]["SeizureImportField"] | "";
            };
            marking?: components["schemas"]["TlpMarking"];
        };
        SeizureImportBodyInput: {
            /** @description The case every imported seizure belongs to */
            caseId?: string | null;
            content: string;
            dryRun?: boolean;
            /** @enum {string} */
            format: "csv" | "xlsx";
            mapping?: {
                [key: string]: components["schemas"]["SeizureImportFieldInput"] | "";
            };
            marking?: components["schemas"]["TlpMarkingInput"];
        };
        /** @enum {string} */
        SeizureImportField: "reference" | "occurredAt" | "country" | "place" | "latitude" | "longitude" | "locationKind" | "locationPoint" | "authority" | "detectionMethod" | "conveyanceType" | "vesselName" | "vesselImo" | "vesselFlag" | "containerNumber" | "flightNumber" | "originCountry" | "originPort" | "transitCountry" | "transitPort" | "destinationCountry" | "destinationPort" | "consignor" | "consignee" | "carrier" | "owner" | "payer" | "domain" | "itemName" | "specimenType" | "quantity" | "unit" | "purity" | "activeIngredient" | "batch" | "claimedManufacturer" | "productType" | "taxStamps" | "currency" | "iccsCode" | "summary" | "marking";
        /** @enum {string} */
        SeizureImportFieldInput: "reference" | "occurredAt" | "country" | "place" | "latitude" | "longitude" | "locationKind" | "locationPoint" | "authority" | "detectionMethod" | "conveyanceType" | "vesselName" | "vesselImo" | "vesselFlag" | "containerNumber" | "flightNumber" | "originCountry" | "originPort" | "transitCountry" | "transitPort" | "destinationCountry" | "destinationPort" | "consignor" | "consignee" | "carrier" | "owner" | "payer" | "domain" | "itemName" | "specimenType" | "quantity" | "unit" | "purity" | "activeIngredient" | "batch" | "claimedManufacturer" | "productType" | "taxStamps" | "currency" | "iccsCode" | "summary" | "marking";
        /** @description The report of an import of seizures or incidents; nothing is imported when any row has a problem */
        SeizureImportReport: {
            columns: string[];
            created: {
                id: string;
                reference: string;
                row: number;
            }[];
            dryRun: boolean;
            fields: string[];
            imported: number;
            mapping: {
                [key: string]: string;
            };
            problems: {
                code: string;
                column: string | null;
                field: string;
                params?: {
                    [key: string]: string | number | string[];
                };
                row: number;
            }[];
            rows: number;
        };
        /** @description The report of an import of seizures or incidents; nothing is imported when any row has a problem */
        SeizureImportReportInput: {
            columns: string[];
            created: {
                id: string;
                reference: string;
                row: number;
            }[];
            dryRun: boolean;
            fields: string[];
            imported: number;
            mapping: {
                [key: string]: string;
            };
            problems: {
                code: string;
                column: string | null;
                field: string;
                params?: {
                    [key: string]: string | number | string[];
                };
                row: number;
            }[];
            rows: number;
        };
        SeizureList: {
            items: {
                case: {
                    id: string;
                    reference: string;
                    title: string;
                } | null;
                conveyanceType: string;
                country: string;
                domains: string[];
                iccsCode: string;
                id: string;
                items: {
                    domain: string;
                    name: string;
                    quantity: number | null;
                    unit: string | null;
                }[];
                latitude: number | null;
                locationPoint: string | null;
                longitude: number | null;
                marking: {
                    effectiveTlp: string;
                    handling: string;
                    tlp: string;
                };
                occurredAt: string;
                place: string | null;
                reference: string;
                withheld: boolean;
            }[];
            total: number;
        };
        SeizureListInput: {
            items: {
                case: {
                    id: string;
                    reference: string;
                    title: string;
                } | null;
                conveyanceType: string;
                country: string;
                domains: string[];
                iccsCode: string;
                id: string;
                items: {
                    domain: string;
                    name: string;
                    quantity: number | null;
                    unit: string | null;
                }[];
                latitude: number | null;
                locationPoint: string | null;
                longitude: number | null;
                marking: {
                    effectiveTlp: string;
                    handling: string;
                    tlp: string;
                };
                occurredAt: string;
                place: string | null;
                reference: string;
                withheld: boolean;
            }[];
            total: number;
        };
        SeizureMap: {
            features: {
                geometry: {
                    /** @description [longitude, latitude] */
                    coordinates: [
                        number,
                        number
                    ];
                    /** @constant */
                    type: "Point";
                };
                properties: {
                    country: string;
                    /** @description The domain drawn (the first item’s), or `withheld` */
                    domain: string;
                    /** @description Domains of the items; the first is the one the map draws */
                    domains: string[];
                    id: string;
                    /** @constant */
                    kind: "seizure";
                    marking: {
                        effectiveTlp: string;
                        tlp: string;
                    };
                    /** @description Item names: species, substances, products, brands */
                    names: string[];
                    occurredAt: string;
                    place: string | null;
                    /**
                     * @description `country` when the record has no coordinates (or they are withheld) and the point is the country’s
                     * @enum {string}
                     */
                    precision: "exact" | "country";
                    reference: string;
                    withheld: boolean;
                };
                /** @constant */
                type: "Feature";
            }[];
            routes: {
                features: {
                    geometry: {
                        coordinates: [
                            number,
                            number
                        ][];
                        /** @constant */
                        type: "LineString";
                    };
                    properties: {
                        /** @description The route’s countries in order (stops without a point on the basemap left out) */
                        countries: string[];
                        domain: string;
                        id: string;
                        reference: string;
                    };
                    /** @constant */
                    type: "Feature";
                }[];
                /** @constant */
                type: "FeatureCollection";
            };
            /** @description Records matching the filters (the map holds at most `limit`, newest first) */
            total: number;
            truncated: boolean;
            /** @constant */
            type: "FeatureCollection";
            /** @description Records left off the map: no coordinates and a country with no point on the basemap */
            unplaced: number;
        };
        SeizureMapInput: {
            features: {
                geometry: {
                    /** @description [longitude, latitude] */
                    coordinates: [
                        number,
                        number
                    ];
                    /** @constant */
                    type: "Point";
                };
                properties: {
                    country: string;
                    /** @description The domain drawn (the first item’s), or `withheld` */
                    domain: string;
                    /** @description Domains of the items; the first is the one the map draws */
                    domains: string[];
                    id: string;
                    /** @constant */
                    kind: "seizure";
                    marking: {
                        effectiveTlp: string;
                        tlp: string;
                    };
                    /** @description Item names: species, substances, products, brands */
                    names: string[];
                    occurredAt: string;
                    place: string | null;
                    /**
                     * @description `country` when the record has no coordinates (or they are withheld) and the point is the country’s
                     * @enum {string}
                     */
                    precision: "exact" | "country";
                    reference: string;
                    withheld: boolean;
                };
                /** @constant */
                type: "Feature";
            }[];
            routes: {
                features: {
                    geometry: {
                        coordinates: [
                            number,
                            number
                        ][];
                        /** @constant */
                        type: "LineString";
                    };
                    properties: {
                        /** @description The route’s countries in order (stops without a point on the basemap left out) */
                        countries: string[];
                        domain: string;
                        id: string;
                        reference: string;
                    };
                    /** @constant */
                    type: "Feature";
                }[];
                /** @constant */
                type: "FeatureCollection";
            };
            /** @description Records matching the filters (the map holds at most `limit`, newest first) */
            total: number;
            truncated: boolean;
            /** @constant */
            type: "FeatureCollection";
            /** @description Records left off the map: no coordinates and a country with no point on the basemap */
            unplaced: number;
        };
        SeizureView: {
            authority: string;
            case: {
                id: string;
                reference: string;
                title: string;
            } | null;
            conveyance: {
                [key: string]: string;
            };
            conveyanceType: string;
            country: string;
            createdAt: string;
            detectionMethod: string;
            domains: string[];
            iccsCode: string;
            id: string;
            items: {
                [key: string]: string | number | null;
            }[];
            latitude: number | null;
            locationKind: string;
            locationPoint: string | null;
            longitude: number | null;
            marking: {
                effectiveTlp: string;
                handling: string;
                tlp: string;
            };
            occurredAt: string;
            organisationId: string;
            parties: {
                entityId: string | null;
                identifier: string | null;
                kind: string;
                name: string;
                role: string;
            }[];
            place: string | null;
            reference: string;
            route: {
                country: string;
                port: string | null;
                stage: string;
            }[];
            sources: {
                reference?: string;
                title: string;
            }[];
            summary: string | null;
            timeKnown: boolean;
            updatedAt: string;
            version: number;
        };
        SeizureViewInput: {
            authority: string;
            case: {
                id: string;
                reference: string;
                title: string;
            } | null;
            conveyance: {
                [key: string]: string;
            };
            conveyanceType: string;
            country: string;
            createdAt: string;
            detectionMethod: string;
            domains: string[];
            iccsCode: string;
            id: string;
            items: {
                [key: string]: string | number | null;
            }[];
            latitude: number | null;
            locationKind: string;
            locationPoint: string | null;
            longitude: number | null;
            marking: {
                effectiveTlp: string;
                handling: string;
                tlp: string;
            };
            occurredAt: string;
            organisationId: string;
            parties: {
                entityId: string | null;
                identifier: string | null;
                kind: string;
                name: string;
                role: string;
            }[];
            place: string | null;
            reference: string;
            route: {
                country: string;
                port: string | null;
                stage: string;
            }[];
            sources: {
                reference?: string;
                title: string;
            }[];
            summary: string | null;
            timeKnown: boolean;
            updatedAt: string;
            version: number;
        };
        SendEvidenceBody: {
            /**
             * Format: uuid
             * @description For an item of a case: the case's linked request, exchanged with a peer node, that it travels with (an item of a request always travels with its own request)
             */
            requestId?: string;
            /** @enum {string} */
            sentWith?: "transmit" | "execute" | "partially-execute" | "provide-more-info";
        };
        SendEvidenceBodyInput: {
            /**
             * Format: uuid
             * @description For an item of a case: the case's linked request, exchanged with a peer node, that it travels with (an item of a request always travels with its own request)
             */
            requestId?: string;
            /** @enum {string} */
            sentWith?: "transmit" | "execute" | "partially-execute" | "provide-more-info";
        };
        SentStatisticsShare: {
            from: string;
            /** Format: uuid */
            id: string;
            marking: components["schemas"]["StatisticsShareMarking"];
            note: string | null;
            peer: {
                country: string;
                name: string;
                nodeId: string;
            };
            /** @enum {string} */
            period: "month" | "quarter" | "year";
            rows: number;
            sharedAt: string;
            /** Format: uuid */
            sharedBy: string;
            sources: ("seizure" | "incident" | "request")[];
            to: string;
        };
        SentStatisticsShareInput: {
            from: string;
            /** Format: uuid */
            id: string;
            marking: components["schemas"]["StatisticsShareMarkingInput"];
            note: string | null;
            peer: {
                country: string;
                name: string;
                nodeId: string;
            };
            /** @enum {string} */
            period: "month" | "quarter" | "year";
            rows: number;
            sharedAt: string;
            /** Format: uuid */
            sharedBy: string;
            sources: ("seizure" | "incident" | "request")[];
            to: string;
        };
        SentStatisticsShares: {
            items: components["schemas"]["SentStatisticsShare"][];
        };
        SentStatisticsSharesInput: {
            items: components["schemas"]["SentStatisticsShareInput"][];
        };
        /** @description What this organisation expects of a counterpart; neither organisation nor State = the default */
        ServiceLevel: {
            acknowledgeDays: number | null;
            counterpartOrganisationId: string | null;
            counterpartState: string | null;
            executeDays: number | null;
            reminderDays: number | null;
            updatedAt: string;
        };
        /** @description What this organisation expects of a counterpart; neither organisation nor State = the default */
        ServiceLevelInput: {
            acknowledgeDays: number | null;
            counterpartOrganisationId: string | null;
            counterpartState: string | null;
            executeDays: number | null;
            reminderDays: number | null;
            updatedAt: string;
        };
        ServiceLevelList: {
            items: components["schemas"]["ServiceLevel"][];
        };
        ServiceLevelListInput: {
            items: components["schemas"]["ServiceLevelInput"][];
        };
        Session: {
            csrfToken: string;
            user: components["schemas"]["SessionUser"];
        };
        SessionInput: {
            csrfToken: string;
            user: components["schemas"]["SessionUserInput"];
        };
        SessionUser: {
            email: string;
            /** Format: uuid */
            id: string;
            mustChangePassword: boolean;
            name: string;
            organisation: {
                country: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "central-authority" | "prosecution-service" | "police" | "financial-intelligence-unit" | "customs" | "court" | "other";
                name: string;
            };
            /** @enum {string} */
            role: "admin" | "supervisor" | "practitioner" | "analyst" | "viewer";
        };
        SessionUserInput: {
            email: string;
            /** Format: uuid */
            id: string;
            mustChangePassword: boolean;
            name: string;
            organisation: {
                country: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "central-authority" | "prosecution-service" | "police" | "financial-intelligence-unit" | "customs" | "court" | "other";
                name: string;
            };
            /** @enum {string} */
            role: "admin" | "supervisor" | "practitioner" | "analyst" | "viewer";
        };
        ShareStatisticsBody: {
            from: string;
            marking: components["schemas"]["StatisticsShareMarking"];
            note?: string;
            /** @description The peer node to send to (an active peer) */
            peerNodeId: string;
            /** @enum {string} */
            period: "month" | "quarter" | "year";
            /** @description Default: all three */
            sources?: ("seizure" | "incident" | "request")[];
            to: string;
        };
        ShareStatisticsBodyInput: {
            from: string;
            marking: components["schemas"]["StatisticsShareMarkingInput"];
            note?: string;
            /** @description The peer node to send to (an active peer) */
            peerNodeId: string;
            /** @enum {string} */
            period: "month" | "quarter" | "year";
            /** @description Default: all three */
            sources?: ("seizure" | "incident" | "request")[];
            to: string;
        };
        SharedElement: {
            /** @enum {string} */
            kind: "vessel" | "company" | "person" | "identifier" | "route-segment" | "port";
            /** @description As the record you started from gives it: an IMO number, a name, a phone or account, "NGA Lagos → VNM Hai Phong", a port */
            value: string;
        };
        SharedElementInput: {
            /** @enum {string} */
            kind: "vessel" | "company" | "person" | "identifier" | "route-segment" | "port";
            /** @description As the record you started from gives it: an IMO number, a name, a phone or account, "NGA Lagos → VNM Hai Phong", a port */
            value: string;
        };
        /** @description Declared facts signed by the declaring node over JCS({"purpose":"comity-declared-facts-v1","facts":facts}) */
        SignedDeclaredFacts: {
            facts: components["schemas"]["DeclaredFacts"];
            signature: string;
        };
        /** @description Declared facts signed by the declaring node over JCS({"purpose":"comity-declared-facts-v1","facts":facts}) */
        SignedDeclaredFactsInput: {
            facts: components["schemas"]["DeclaredFactsInput"];
            signature: string;
        };
        /** @description A node card signed by the node; a rotated card is endorsed by the previous signing key. */
        SignedNodeCard: {
            card: components["schemas"]["NodeCard"];
            endorsement?: {
                signature: string;
                signingKey: string;
            };
            signature: string;
        };
        /** @description A node card signed by the node; a rotated card is endorsed by the previous signing key. */
        SignedNodeCardInput: {
            card: components["schemas"]["NodeCardInput"];
            endorsement?: {
                signature: string;
                signingKey: string;
            };
            signature: string;
        };
        SignedReceipt: {
            receipt: components["schemas"]["Receipt"];
            signature: components["schemas"]["EnvelopeSignature"];
        };
        SignedReceiptInput: {
            receipt: components["schemas"]["ReceiptInput"];
            signature: components["schemas"]["EnvelopeSignatureInput"];
        };
        StatisticsShareMarking: {
            /** @enum {string} */
            handling: "H0" | "H1" | "H2" | "H3";
            /**
             * @description TLP 2.0; AMBER+STRICT and RED are not used for statistics shared with a node
             * @enum {string}
             */
            tlp: "CLEAR" | "GREEN" | "AMBER";
        };
        StatisticsShareMarkingInput: {
            /** @enum {string} */
            handling: "H0" | "H1" | "H2" | "H3";
            /**
             * @description TLP 2.0; AMBER+STRICT and RED are not used for statistics shared with a node
             * @enum {string}
             */
            tlp: "CLEAR" | "GREEN" | "AMBER";
        };
        StatisticsSharePayload: {
            /** @constant */
            dataflow: "COMITY:DF_ICCS_REGISTRY(1.0)";
            /** @description First month covered, YYYY-MM */
            from: string;
            marking: components["schemas"]["StatisticsShareMarking"];
            note: string | null;
            /** @enum {string} */
            period: "month" | "quarter" | "year";
            rows: {
                count: number;
                country: string;
                iccsCode: string;
                /** @description YYYY, YYYY-Qn or YYYY-MM, as `period` says */
                period: string;
                /** @enum {string} */
                source: "seizure" | "incident" | "request";
            }[];
            /**
             * Format: uuid
             * @description The sender’s id of this share; a receiver stores a share once per (sender, shareId)
             */
            shareId: string;
            /** Format: date-time */
            sharedAt: string;
            sharedBy: {
                organisation: string;
                state: string;
            };
            sources: ("seizure" | "incident" | "request")[];
            /** @description Last month covered, YYYY-MM */
            to: string;
            /** @constant */
            v: 1;
        };
        StatisticsSharePayloadInput: {
            /** @constant */
            dataflow: "COMITY:DF_ICCS_REGISTRY(1.0)";
            /** @description First month covered, YYYY-MM */
            from: string;
            marking: components["schemas"]["StatisticsShareMarkingInput"];
            note: string | null;
            /** @enum {string} */
            period: "month" | "quarter" | "year";
            rows: {
                count: number;
                country: string;
                iccsCode: string;
                /** @description YYYY, YYYY-Qn or YYYY-MM, as `period` says */
                period: string;
                /** @enum {string} */
                source: "seizure" | "incident" | "request";
            }[];
            /**
             * Format: uuid
             * @description The sender’s id of this share; a receiver stores a share once per (sender, shareId)
             */
            shareId: string;
            /** Format: date-time */
            sharedAt: string;
            sharedBy: {
                organisation: string;
                state: string;
            };
            sources: ("seizure" | "incident" | "request")[];
            /** @description Last month covered, YYYY-MM */
            to: string;
            /** @constant */
            v: 1;
        };
        StatisticsShareResult: {
            /** Format: uuid */
            shareId: string;
            /** @description false when this share was already held */
            stored: boolean;
        };
        StatisticsShareResultInput: {
            /** Format: uuid */
            shareId: string;
            /** @description false when this share was already held */
            stored: boolean;
        };
        StatisticsView: {
            dataflow: string;
            /** @enum {string} */
            period: "month" | "quarter" | "year";
            /** @description When the counts were last recomputed (the job queue does it every few minutes) */
            refreshedAt: string | null;
            rows: {
                count: number;
                country: string;
                iccsCode: string;
                iccsTitle: string | null;
                period: string;
                /** @enum {string} */
                source: "seizure" | "incident" | "request";
            }[];
            totals: {
                incident: number;
                period: string;
                request: number;
                seizure: number;
            }[];
        };
        StatisticsViewInput: {
            dataflow: string;
            /** @enum {string} */
            period: "month" | "quarter" | "year";
            /** @description When the counts were last recomputed (the job queue does it every few minutes) */
            refreshedAt: string | null;
            rows: {
                count: number;
                country: string;
                iccsCode: string;
                iccsTitle: string | null;
                period: string;
                /** @enum {string} */
                source: "seizure" | "incident" | "request";
            }[];
            totals: {
                incident: number;
                period: string;
                request: number;
                seizure: number;
            }[];
        };
        StatusSummary: {
            asOf: string;
            /** @description Date of deposit of the instrument of consent */
            consent?: string;
            /** @enum {string} */
            consentKind?: "ratification" | "accession" | "acceptance" | "approval" | "succession" | "definitive-signature" | "unknown";
            curated?: boolean;
            /** @description The final-clause article that gives the entry into force for the State, e.g. "UNCAC art. 68(2)"; `since` is the date it gives */
            entryIntoForceRule?: string;
            inferredFrom?: string;
            /**
             * @description consented-not-in-force: consent deposited, the treaty not yet in force for the State (not a basis yet); not-eligible: the State may not join (the article is in the reasons); party-date-unknown: party per the source, act and date unknown
             * @enum {string}
             */
            phase?: "consented-not-in-force" | "not-eligible" | "party-date-unknown";
            signed?: string;
            since?: string;
            source: string;
            /** @enum {string} */
            state: "party" | "not-party" | "unknown";
        };
        StatusSummaryInput: {
            asOf: string;
            /** @description Date of deposit of the instrument of consent */
            consent?: string;
            /** @enum {string} */
            consentKind?: "ratification" | "accession" | "acceptance" | "approval" | "succession" | "definitive-signature" | "unknown";
            curated?: boolean;
            /** @description The final-clause article that gives the entry into force for the State, e.g. "UNCAC art. 68(2)"; `since` is the date it gives */
            entryIntoForceRule?: string;
            inferredFrom?: string;
            /**
             * @description consented-not-in-force: consent deposited, the treaty not yet in force for the State (not a basis yet); not-eligible: the State may not join (the article is in the reasons); party-date-unknown: party per the source, act and date unknown
             * @enum {string}
             */
            phase?: "consented-not-in-force" | "not-eligible" | "party-date-unknown";
            signed?: string;
            since?: string;
            source: string;
            /** @enum {string} */
            state: "party" | "not-party" | "unknown";
        };
        Taxonomy: {
            cooperationTypes: {
                /** @enum {string} */
                id: "mla" | "extradition" | "asset-recovery" | "jit" | "transfer-of-proceedings" | "law-enforcement" | "preservation";
                label: string;
            }[];
            offences: {
                iccs: string | null;
                /** @enum {string} */
                id: "organized-crime-participation" | "corruption" | "money-laundering" | "drug-trafficking" | "trafficking-in-persons" | "migrant-smuggling" | "firearms-trafficking" | "terrorism" | "terrorist-financing" | "hostage-taking" | "cybercrime" | "wildlife-trafficking" | "cultural-property-trafficking" | "organ-trafficking" | "falsified-medical-products" | "tobacco-smuggling" | "piracy" | "fraud" | "other-serious-crime";
                label: string;
            }[];
            outcomes: ("applicable" | "conditional" | "not-applicable" | "unknown")[];
            statusStates: ("party" | "not-party" | "unknown")[];
        };
        TaxonomyInput: {
            cooperationTypes: {
                /** @enum {string} */
                id: "mla" | "extradition" | "asset-recovery" | "jit" | "transfer-of-proceedings" | "law-enforcement" | "preservation";
                label: string;
            }[];
            offences: {
                iccs: string | null;
                /** @enum {string} */
                id: "organized-crime-participation" | "corruption" | "money-laundering" | "drug-trafficking" | "trafficking-in-persons" | "migrant-smuggling" | "firearms-trafficking" | "terrorism" | "terrorist-financing" | "hostage-taking" | "cybercrime" | "wildlife-trafficking" | "cultural-property-trafficking" | "organ-trafficking" | "falsified-medical-products" | "tobacco-smuggling" | "piracy" | "fraud" | "other-serious-crime";
                label: string;
            }[];
            outcomes: ("applicable" | "conditional" | "not-applicable" | "unknown")[];
            statusStates: ("party" | "not-party" | "unknown")[];
        };
        /**
         * @description Traffic Light Protocol 2.0
         * @enum {string}
         */
        TlpMarking: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
        /**
         * @description Traffic Light Protocol 2.0
         * @enum {string}
         */
        TlpMarkingInput: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
        TransferChunkAccepted: {
            index: number;
            missing: number;
            /** @enum {string} */
            state: "receiving" | "accepted" | "refused";
            /** Format: uuid */
            transferId: string;
        };
        TransferChunkAcceptedInput: {
            index: number;
            missing: number;
            /** @enum {string} */
            state: "receiving" | "accepted" | "refused";
            /** Format: uuid */
            transferId: string;
        };
        /** @description The marking and treaty use limitations the item travels under */
        TransferLimitations: {
            confidential: boolean;
            /** @enum {string} */
            handling: "H0" | "H1" | "H2" | "H3";
            handlingNotes: string[];
            notes: string[];
            permittedUses: ("investigation" | "prosecution" | "trial" | "enforcement" | "intelligence")[] | null;
            reviewOn: string | null;
            speciality: string[] | null;
            /** @enum {string} */
            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
        };
        /** @description The marking and treaty use limitations the item travels under */
        TransferLimitationsInput: {
            confidential: boolean;
            /** @enum {string} */
            handling: "H0" | "H1" | "H2" | "H3";
            handlingNotes: string[];
            notes: string[];
            permittedUses: ("investigation" | "prosecution" | "trial" | "enforcement" | "intelligence")[] | null;
            reviewOn: string | null;
            speciality: string[] | null;
            /** @enum {string} */
            tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
        };
        TransferStatus: {
            chunkCount: number;
            missing: number[];
            refusal: string | null;
            /** @enum {string} */
            state: "receiving" | "accepted" | "refused";
            /** Format: uuid */
            transferId: string;
        };
        TransferStatusInput: {
            chunkCount: number;
            missing: number[];
            refusal: string | null;
            /** @enum {string} */
            state: "receiving" | "accepted" | "refused";
            /** Format: uuid */
            transferId: string;
        };
        TransitionBody: {
            action: components["schemas"]["RequestAction"];
            /** @description execute, partially-execute, provide-more-info: the files (attached to this request by your side since transmission, not yet sent) that go to the other side with this answer. Omitted: every such file. */
            attachmentIds?: string[];
            /** @description refuse: the grounds, from GET /api/v1/requests/refusal-grounds */
            grounds?: {
                citation?: string;
                ground: string;
                note?: string;
            }[];
            reason?: string;
            /** @description transmit to an authority without a node: how and when the letter was sent (produce the letter first) */
            transmission?: {
                /** @enum {string} */
                channel: "diplomatic" | "central-authority-post" | "central-authority-email" | "interpol" | "other";
                /**
                 * Format: date
                 * @description The day the letter was sent; not in the future
                 */
                sentOn: string;
            };
            /**
             * Format: date
             * @description postpone: until when
             */
            until?: string;
            /** @description When given, the transition fails with 409 if the request changed meanwhile */
            version?: number;
        };
        TransitionBodyInput: {
            action: components["schemas"]["RequestActionInput"];
            /** @description execute, partially-execute, provide-more-info: the files (attached to this request by your side since transmission, not yet sent) that go to the other side with this answer. Omitted: every such file. */
            attachmentIds?: string[];
            /** @description refuse: the grounds, from GET /api/v1/requests/refusal-grounds */
            grounds?: {
                citation?: string;
                ground: string;
                note?: string;
            }[];
            reason?: string;
            /** @description transmit to an authority without a node: how and when the letter was sent (produce the letter first) */
            transmission?: {
                /** @enum {string} */
                channel: "diplomatic" | "central-authority-post" | "central-authority-email" | "interpol" | "other";
                /**
                 * Format: date
                 * @description The day the letter was sent; not in the future
                 */
                sentOn: string;
            };
            /**
             * Format: date
             * @description postpone: until when
             */
            until?: string;
            /** @description When given, the transition fails with 409 if the request changed meanwhile */
            version?: number;
        };
        /** @enum {string} */
        TransmissionChannel: "diplomatic" | "central-authority-post" | "central-authority-email" | "interpol" | "other";
        /** @enum {string} */
        TransmissionChannelInput: "diplomatic" | "central-authority-post" | "central-authority-email" | "interpol" | "other";
        User: {
            /** @description ISO 8601 date-time */
            createdAt: string;
            disabled: boolean;
            email: string;
            /** Format: uuid */
            id: string;
            mustChangePassword: boolean;
            name: string;
            /** Format: uuid */
            organisationId: string;
            /** @enum {string} */
            role: "admin" | "supervisor" | "practitioner" | "analyst" | "viewer";
        };
        UserInput: {
            /** @description ISO 8601 date-time */
            createdAt: string;
            disabled: boolean;
            email: string;
            /** Format: uuid */
            id: string;
            mustChangePassword: boolean;
            name: string;
            /** Format: uuid */
            organisationId: string;
            /** @enum {string} */
            role: "admin" | "supervisor" | "practitioner" | "analyst" | "viewer";
        };
        WitnessAnswer: {
            cosignature?: string;
            reason?: string;
            root?: string;
            size?: number;
            /** @enum {string} */
            status: "cosigned" | "inconsistent" | "unverified";
            witnessed?: string;
        };
        WitnessAnswerInput: {
            cosignature?: string;
            reason?: string;
            root?: string;
            size?: number;
            /** @enum {string} */
            status: "cosigned" | "inconsistent" | "unverified";
            witnessed?: string;
        };
        WitnessedList: {
            items: {
                cosignature: string;
                note: string;
                root: string;
                size: number;
                witnessedAt: string;
            }[];
        };
        WitnessedListInput: {
            items: {
                cosignature: string;
                note: string;
                root: string;
                size: number;
                witnessedAt: string;
            }[];
        };
        WorkingCopyBody: {
            title?: string;
        };
        WorkingCopyBodyInput: {
            title?: string;
        };
        Worklist: {
            /** @description Only the groups that apply to your role, in this order, also when empty */
            groups: components["schemas"]["WorklistGroup"][];
        };
        WorklistGroup: {
            count: number;
            /** @description The most recently changed, at most 5 (none for failed-deliveries) */
            items: components["schemas"]["RequestSummary"][];
            /**
             * @description drafts: your drafts; awaiting-my-approval: submitted by others, for you as supervisor; to-acknowledge: received, not yet acknowledged; to-execute: acknowledged, under execution or postponed; more-information-asked: the requested authority asks you for more information; answers-received: requests with an answer you have not read yet (unread notifications); overdue: past a deadline or service level; failed-deliveries: messages to other nodes that could not be delivered (administrators)
             * @enum {string}
             */
            key: "drafts" | "awaiting-my-approval" | "to-acknowledge" | "to-execute" | "more-information-asked" | "answers-received" | "overdue" | "failed-deliveries";
        };
        WorklistGroupInput: {
            count: number;
            /** @description The most recently changed, at most 5 (none for failed-deliveries) */
            items: components["schemas"]["RequestSummaryInput"][];
            /**
             * @description drafts: your drafts; awaiting-my-approval: submitted by others, for you as supervisor; to-acknowledge: received, not yet acknowledged; to-execute: acknowledged, under execution or postponed; more-information-asked: the requested authority asks you for more information; answers-received: requests with an answer you have not read yet (unread notifications); overdue: past a deadline or service level; failed-deliveries: messages to other nodes that could not be delivered (administrators)
             * @enum {string}
             */
            key: "drafts" | "awaiting-my-approval" | "to-acknowledge" | "to-execute" | "more-information-asked" | "answers-received" | "overdue" | "failed-deliveries";
        };
        WorklistInput: {
            /** @description Only the groups that apply to your role, in this order, also when empty */
            groups: components["schemas"]["WorklistGroupInput"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postAccountPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                    /** @description Also revoke every personal API token of this account (default false: tokens are separate credentials and survive a password change) */
                    revokeApiTokens?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccountProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountProfile"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchAccountProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Up to 8 lines; empty or null clears it */
                    signatureBlock?: string | null;
                    /** @description Empty or null clears it */
                    title?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountProfile"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccountTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description ISO 8601 date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAccountTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @description Shown once; store it safely */
                        token: string;
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAccountTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many tokens were revoked */
                        revoked: number;
                    };
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAccountTokensById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                action?: string;
                actor?: string;
                organisationId?: string;
                /** @description Entries at or after (a date or a date-time) */
                from?: string;
                /** @description Entries at or before (a date or a date-time) */
                to?: string;
                before?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEntry"][];
                        nextBefore: number | null;
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditCheckpoints: {
        parameters: {
            query?: {
                before?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpointPage"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditCheckpointsLatest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpoint"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditProofsConsistency: {
        parameters: {
            query: {
                /** @description Tree size of the earlier signed checkpoint */
                from: number;
                /** @description Tree size of the later signed checkpoint (default: the latest) */
                to?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditConsistencyProof"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditProofsInclusion: {
        parameters: {
            query: {
                /** @description The entry */
                seq: number;
                /** @description A signed checkpoint of this tree size (default: the latest) */
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditInclusionProof"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditReceiptsByMessageId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptProofView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditVerify: {
        parameters: {
            query?: {
                /** @description Also ask every active peer for the checkpoints it witnessed of this node */
                peers?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthorities: {
        parameters: {
            query?: {
                state?: string;
                source?: components["schemas"]["AuthoritySourceInput"];
                /** @description Search in names, States and declaration texts */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorityDirectory"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthorities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAuthorityBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryAuthority"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAuthoritiesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description admin:<uuid> or the uuid */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchAuthoritiesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description admin:<uuid> or the uuid */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchAuthorityBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryAuthority"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCases: {
        parameters: {
            query?: {
                status?: components["schemas"]["CaseStatusInput"];
                offence?: components["schemas"]["CaseOffenceInput"];
                /** @description Only the cases whose team I am in */
                mine?: "true" | "false";
                /** @description Search in reference and title */
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCasesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchCasesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchCaseBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCasesByIdEntities: {
        parameters: {
            query?: {
                schema?: components["schemas"]["EntitySchemaInput"];
                kind?: "entity" | "link" | "all";
                /** @description Part of the name */
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCasesByIdEntities: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEntityBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Entity"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCasesByIdEntitiesExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCasesByIdEntitiesGraph: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityGraph"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCasesByIdEntitiesImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EntityImportBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityImportResult"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCasesByIdMemberCandidates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseMemberCandidates"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCasesByIdMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseMemberBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCasesByIdMembersByUserId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCasesByIdRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseLinkBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCasesByIdRequestsByRequestId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsents: {
        parameters: {
            query?: {
                direction?: "asked" | "received";
                requestId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConsentBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consent"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consent"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsentsByIdAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerConsentBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consent"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsentsByIdApprove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consent"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCounterparts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Organisation"][];
                    };
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCountries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountryList"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCountriesByCode: {
        parameters: {
            query?: {
                date?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountryProfile"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCulturalProperty: {
        parameters: {
            query?: {
                /** @description Words searched in every descriptive field */
                q?: string;
                legalStatus?: components["schemas"]["CulturalLegalStatusInput"];
                objectType?: string;
                /** @description Country of the theft or excavation (ISO 3166-1 alpha-3) */
                country?: string;
                /** @description ours: this node’s records; peers: the public records peers published to this node; all (default): both */
                origin?: "all" | "ours" | "peers";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CulturalObjectList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCulturalProperty: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCulturalObjectBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CulturalObjectView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCulturalPropertyCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CulturalCheckBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CulturalCheckAnswer"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCulturalPropertyChecks: {
        parameters: {
            query?: {
                /** @description true: only the checks that found a possible match */
                matched?: "true" | "false";
                /** @description Checked on or after this day (UTC, inclusive) */
                from?: string;
                /** @description Checked on or before this day (UTC, inclusive) */
                to?: string;
                /** @description Entries per page (default 50) */
                limit?: number;
                /** @description Entries to skip (newest first) */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CulturalCheckList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCulturalPropertyChecksByCheckIdPhoto: {
        parameters: {
            query?: {
                size?: "original" | "thumbnail";
            };
            header?: never;
            path: {
                checkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCulturalPropertyFederationPeers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CulturalPeerSettings"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putCulturalPropertyFederationPeersByNodeId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutCulturalPeerBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CulturalPeerPublication"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCulturalPropertyImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CulturalImportReport"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCulturalPropertyPublicImagesByImageId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                imageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCulturalPropertyReceiptsVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CulturalReceiptVerifyBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CulturalReceiptVerification"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCulturalPropertySearchImage: {
        parameters: {
            query?: {
                /** @description Words searched in every descriptive field */
                q?: string;
                legalStatus?: components["schemas"]["CulturalLegalStatusInput"];
                objectType?: string;
                /** @description Country of the theft or excavation (ISO 3166-1 alpha-3) */
                country?: string;
                /** @description ours: this node’s records; peers: the public records peers published to this node; all (default): both */
                origin?: "all" | "ours" | "peers";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CulturalObjectList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCulturalPropertyById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CulturalObjectView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchCulturalPropertyById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchCulturalObjectBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CulturalObjectView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCulturalPropertyByIdImages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CulturalImageView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCulturalPropertyByIdImagesByImageId: {
        parameters: {
            query?: {
                size?: "original" | "thumbnail";
            };
            header?: never;
            path: {
                id: string;
                imageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDirectory: {
        parameters: {
            query?: {
                q?: string;
                state?: string;
                requestType?: string;
                language?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DirectoryEntry"][];
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postEntitiesPersonSearch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonSearchBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonSearchResult"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEntitiesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Entity"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteEntitiesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityDeleted"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchEntitiesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchEntityBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Entity"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEntitiesByIdGraph: {
        parameters: {
            query?: {
                hops?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityGraph"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEntitiesByIdLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityGraph"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postEntitiesByIdMentions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EntityMentionBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityMention"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteEntitiesByIdMentionsByMentionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                mentionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidence: {
        parameters: {
            query?: {
                caseId?: string;
                requestId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidenceCaptureAllowlist: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureAllowlist"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putEvidenceCaptureAllowlist: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutCaptureAllowlistBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureAllowlist"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidenceCaptures: {
        parameters: {
            query?: {
                caseId?: string;
                requestId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postEvidenceCaptures: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaptureBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidenceCapturesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postEvidenceCapturesByIdUrlsByUrlIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                urlId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidencePackagesByKindById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["schemas"]["EvidencePackageKindInput"];
                /** @description The id of the item, case or request */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidencePackagesByKindByIdContents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["schemas"]["EvidencePackageKindInput"];
                /** @description The id of the item, case or request */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidencePackageContents"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postEvidenceUploads: {
        parameters: {
            query?: never;
            header: {
                "upload-length": string;
                "upload-metadata"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceUpload"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidenceUploadsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceUpload"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteEvidenceUploadsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchEvidenceUploadsById: {
        parameters: {
            query?: never;
            header: {
                "upload-offset": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidenceById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceItem"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidenceByIdApprovers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EligibleApproverList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidenceByIdContent: {
        parameters: {
            query?: {
                /** @description inline: a preview (custody "viewed"); attachment: a download (custody "downloaded") */
                disposition?: "inline" | "attachment";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidenceByIdCustody: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustodyLog"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postEvidenceByIdDownloadApprovals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DownloadApprovalBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The custody event of the approval */
                        seq: number;
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidenceByIdDownloadRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DownloadRequestList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postEvidenceByIdDownloadRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DownloadRequestBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The custody event of the request */
                        seq: number;
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postEvidenceByIdRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SealBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceItem"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postEvidenceByIdSeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SealBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceItem"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidenceByIdTimestamps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceTimestampList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvidenceByIdTransfers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceTransferList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postEvidenceByIdTransfers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendEvidenceBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceTransferView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postEvidenceByIdWorkingCopies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkingCopyBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceItem"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFederationMessages: {
        parameters: {
            query?: {
                direction?: "outbound" | "inbound";
                state?: "pending" | "delivered" | "failed" | "skipped" | "refused" | "received";
                conversationId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FederationMessage"][];
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postFederationMessagesByMessageIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requeued: number;
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postFederationMessagesByMessageIdSkip: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Messages after it that were waiting and now go out */
                        requeued: number;
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postFederationNotes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    conversationId?: string;
                    inReplyTo?: string;
                    /** @enum {string} */
                    marking?: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    peerNodeId: string;
                    requestId?: string;
                    text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        conversationId: string;
                        messageId: string;
                        /** @enum {string} */
                        state: "pending" | "delivered" | "failed";
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFederationProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card: components["schemas"]["SignedNodeCard"] | null;
                        endpoint: string | null;
                        languages: string[];
                        organisationId: string | null;
                        requestTypes: string[];
                    };
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putFederationProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    endpoint?: string | null;
                    languages?: string[];
                    /** Format: uuid */
                    organisationId?: string;
                    requestTypes?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card: components["schemas"]["SignedNodeCard"] | null;
                        endpoint: string | null;
                        languages: string[];
                        organisationId: string | null;
                        requestTypes: string[];
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHits: {
        parameters: {
            query?: {
                state?: "pending" | "revealed" | "declined";
                caseId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HitList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHitsOffers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HitOfferList"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putHitsOffersByNodeId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 50000 */
                    maxItemsPerHour?: number;
                    /** @default 60 */
                    maxQueriesPerHour?: number;
                    /** @enum {string} */
                    maxTlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER+STRICT" | "RED";
                    resume?: boolean;
                    schemas: ("Person" | "Organization" | "Company" | "LegalEntity" | "BankAccount" | "Vessel" | "CryptoWallet" | "UserAccount" | "Passport" | "Identification")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HitOffer"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHitsQueries: {
        parameters: {
            query?: {
                caseId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HitQueryList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postHitsQueries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    caseId: string;
                    kinds?: ("identifiers" | "names")[];
                    peers?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queries: string[];
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHitsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HitView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postHitsByIdDecline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HitView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postHitsByIdReveal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    caseReference: string;
                    contact: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HitView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIncidents: {
        parameters: {
            query?: {
                kind?: "piracy" | "armed-robbery" | "boarding" | "hijacking" | "kidnapping" | "attempted" | "other";
                country?: string;
                from?: string;
                to?: string;
                caseId?: string;
                vesselImo?: string;
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postIncidents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIncidentBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postIncidentsImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncidentImportBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeizureImportReport"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIncidentsMap: {
        parameters: {
            query?: {
                kind?: "piracy" | "armed-robbery" | "boarding" | "hijacking" | "kidnapping" | "attempted" | "other";
                country?: string;
                from?: string;
                to?: string;
                /** @description west,south,east,north in decimal degrees (longitudes -180 to 180, latitudes -90 to 90, south ≤ north; west > east crosses the antimeridian) */
                bbox?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentMap"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIncidentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchIncidentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchIncidentBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postIncidentsByIdPeerCheck: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queries: string[];
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIncidentsByIdPeerHits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HitList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIncidentsByIdRelated: {
        parameters: {
            query?: {
                /** @description How far before and after the record to look, in days (default 365) */
                windowDays?: number;
                /** @description At most this many related records (default 100) */
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelatedList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInstruments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstrumentList"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInstrumentsById: {
        parameters: {
            query?: {
                /** @description An earlier knowledge version, as it was imported */
                version?: number;
                /** @description Date for the parties’ status (default: today) */
                date?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstrumentDetail"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getKnowledgeConflicts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeConflictList"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getKnowledgeCurations: {
        parameters: {
            query?: {
                /** @description Include withdrawn facts */
                all?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeCurationList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postKnowledgeCurations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KnowledgeCurationBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeCuration"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postKnowledgeCurationsByIdConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeCuration"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postKnowledgeCurationsByIdWithdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeCuration"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getKnowledgeFacts: {
        parameters: {
            query?: {
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeclaredFactsList"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getKnowledgeFactsDisagreements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeclaredDisagreementList"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putKnowledgeFactsDraft: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclaredFactsContentInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnDeclaredFacts"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postKnowledgeFactsDraftApprove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnDeclaredFacts"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postKnowledgeFactsDraftSubmit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnDeclaredFacts"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getKnowledgeFactsOwn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnDeclaredFacts"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postKnowledgeImports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KnowledgeImportBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeImportReport"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getKnowledgeVersions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeVersionList"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLegalBasis: {
        parameters: {
            query: {
                /** @description Requesting State: alpha-2, alpha-3 (any case) or a name */
                requesting: string;
                /** @description Requested State: alpha-2, alpha-3 (any case) or a name */
                requested: string;
                /** @description One of: mla, extradition, asset-recovery, jit, transfer-of-proceedings, law-enforcement, preservation */
                type: string;
                /** @description One of: organized-crime-participation, corruption, money-laundering, drug-trafficking, trafficking-in-persons, migrant-smuggling, firearms-trafficking, terrorism, terrorist-financing, hostage-taking, cybercrime, wildlife-trafficking, cultural-property-trafficking, organ-trafficking, falsified-medical-products, tobacco-smuggling, piracy, fraud, other-serious-crime */
                offence: string;
                /** @description Date of the question (default: today) */
                date?: string;
                /** @description Also list the instruments that do not apply, with why */
                all?: "true" | "false";
                /** @description Include the article texts (default: number and heading only) */
                includeText?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalBasisAnswer"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        database: "pglite" | "postgres";
                        encryptionKeyFingerprint: string;
                        /** @enum {string} */
                        keyStorage: "files" | "database-encrypted";
                        name: string;
                        nodeId: string;
                        signingKeyFingerprint: string;
                        version: string;
                    };
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotifications: {
        parameters: {
            query?: {
                unread?: "true" | "false";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postNotificationsByIdRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrganisations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Organisation"][];
                    };
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrganisations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    country: string;
                    /** @enum {string} */
                    kind: "central-authority" | "prosecution-service" | "police" | "financial-intelligence-unit" | "customs" | "court" | "other";
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrganisationsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchOrganisationsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    country?: string;
                    /** @enum {string} */
                    kind?: "central-authority" | "prosecution-service" | "police" | "financial-intelligence-unit" | "customs" | "court" | "other";
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPeers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Peer"][];
                    };
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPeers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    card: components["schemas"]["SignedNodeCardInput"];
                    /** @description The signing-key fingerprint as confirmed out of band with the peer’s operator */
                    confirmFingerprint: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Peer"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Peer"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPeersPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    card: components["schemas"]["SignedNodeCardInput"];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardPreview"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPeersByNodeId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Peer"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPeersByNodeIdResume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Peer"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPeersByNodeIdRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Peer"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPeersByNodeIdSuspend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Peer"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPolicyDenials: {
        parameters: {
            query?: {
                /** @description Calendar date YYYY-MM-DD */
                from?: string;
                /** @description Calendar date YYYY-MM-DD */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeniedAttemptsReport"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRequests: {
        parameters: {
            query?: {
                /** @description One state or several, comma-separated */
                state?: string;
                type?: components["schemas"]["RequestTypeInput"];
                /** @description requesting = outgoing, requested = incoming */
                side?: "requesting" | "requested";
                /** @description The other side’s State */
                counterpart?: string;
                /** @description Search in reference, title, facts and names */
                q?: string;
                overdue?: "true" | "false";
                /** @description The approval queue: awaiting approval, and not drafted by me */
                awaitingMyApproval?: "true" | "false";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRequestBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Request"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRequestsCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckRequestBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Completeness"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRequestsRefusalGrounds: {
        parameters: {
            query?: {
                type?: components["schemas"]["RequestTypeInput"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefusalGroundList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRequestsStatistics: {
        parameters: {
            query?: {
                /** @description requesting: outgoing requests, by requested State; requested: incoming, by requesting State */
                side?: "requesting" | "requested";
                /** @description Requests created on or after */
                from?: string;
                /** @description Requests created on or before */
                to?: string;
                type?: components["schemas"]["RequestTypeInput"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestStatistics"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRequestsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Request"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchRequestsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchRequestBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Request"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRequestsByIdAnswers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordAnswerBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Request"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRequestsByIdAttachments: {
        parameters: {
            query?: {
                filename?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestAttachment"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRequestsByIdAttachmentsCopy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CopyAttachmentBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestAttachment"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRequestsByIdAttachmentsByAttachmentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putRequestsByIdCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestCaseBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestCaseAnswer"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRequestsByIdCompleteness: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Completeness"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRequestsByIdDocument: {
        parameters: {
            query?: {
                format?: "pdf" | "docx";
                /** @description Template language (default: the request’s language when a UN language, else en) */
                lang?: "en" | "fr" | "es" | "ar" | "ru" | "zh";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRequestsByIdDocumentCheck: {
        parameters: {
            query?: {
                /** @description Template language (default: as for the document) */
                lang?: "en" | "fr" | "es" | "ar" | "ru" | "zh";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentCheck"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRequestsByIdLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkRequestBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Request"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postRequestsByIdTransitions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransitionBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Request"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSeizures: {
        parameters: {
            query?: {
                domain?: components["schemas"]["SeizureDomainInput"];
                country?: string;
                /** @description From this day (inclusive) */
                from?: string;
                /** @description Up to this day (inclusive) */
                to?: string;
                species?: string;
                substance?: string;
                /** @description Any item name: species, substance, product, brand */
                name?: string;
                caseId?: string;
                vesselImo?: string;
                /** @description An ICCS code or its prefix */
                iccs?: string;
                q?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeizureList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSeizures: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSeizureBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeizureView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSeizuresImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SeizureImportBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeizureImportReport"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSeizuresMap: {
        parameters: {
            query?: {
                domain?: "wildlife" | "drugs" | "medical" | "tobacco" | "other";
                country?: string;
                /** @description From this day (inclusive) */
                from?: string;
                /** @description Up to this day (inclusive) */
                to?: string;
                species?: string;
                substance?: string;
                /** @description Any item name: species, substance, product, brand */
                name?: string;
                /** @description west,south,east,north in decimal degrees (longitudes -180 to 180, latitudes -90 to 90, south ≤ north; west > east crosses the antimeridian) */
                bbox?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeizureMap"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSeizuresReference: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryReference"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSeizuresById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeizureView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchSeizuresById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchSeizureBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeizureView"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSeizuresByIdPeerCheck: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queries: string[];
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSeizuresByIdPeerHits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HitList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSeizuresByIdRelated: {
        parameters: {
            query?: {
                /** @description How far before and after the record to look, in days (default 365) */
                windowDays?: number;
                /** @description At most this many related records (default 100) */
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelatedList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getServiceLevels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceLevelList"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putServiceLevels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutServiceLevelBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceLevel"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteServiceLevels: {
        parameters: {
            query?: {
                counterpartOrganisationId?: string;
                counterpartState?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionCurrent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentSession"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSettingsPublic: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requireSignInForKnowledge: boolean;
                    };
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putSettingsPublic: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    requireSignInForKnowledge: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requireSignInForKnowledge: boolean;
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStatistics: {
        parameters: {
            query?: {
                /** @description Default: year */
                period?: "month" | "quarter" | "year";
                /** @description Comma-separated: seizure, incident, request (default all) */
                source?: string;
                country?: string;
                /** @description An ICCS code; its subcategories are included */
                iccs?: string;
                /** @description First month, YYYY-MM */
                from?: string;
                /** @description Last month, YYYY-MM */
                to?: string;
                /** @description sdmx-csv: SDMX-CSV 2.0 of dataflow COMITY:DF_ICCS_REGISTRY(1.0) */
                format?: "json" | "csv" | "sdmx-csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatisticsView"] | string;
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStatisticsReceived: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceivedStatisticsShares"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStatisticsShares: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentStatisticsShares"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postStatisticsShares: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShareStatisticsBodyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentStatisticsShare"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTaxonomy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Taxonomy"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["KnowledgeProblem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUsers: {
        parameters: {
            query?: {
                organisationId?: string;
                role?: "admin" | "supervisor" | "practitioner" | "analyst" | "viewer";
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["User"][];
                    };
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    /** Format: uuid */
                    organisationId: string;
                    password: string;
                    /** @enum {string} */
                    role: "admin" | "supervisor" | "practitioner" | "analyst" | "viewer";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postUsersByIdDisable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postUsersByIdEnable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWorklist: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Worklist"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFederationAuditConsistency: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicConsistencyProof"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFederationAuditWitnessedByNodeId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WitnessedList"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFederationCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedNodeCard"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postFederationInbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnvelopeInput"];
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxAccepted"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFederationTransfersByTransferId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transferId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferStatus"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putFederationTransfersByTransferIdChunksByIndex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transferId: string;
                index: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferChunkAccepted"];
                };
            };
            /** @description The input does not match the schema (`validation_failed`, with `errors`) or breaks a rule. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other refusal: not signed in, forbidden, not found, conflict, too many requests… */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The node failed; quote the `correlationId`. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
