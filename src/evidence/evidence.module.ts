import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FILE_STORAGE, FILE_STORAGE_DIR } from './storage/file-storage';
import { LocalDirectoryFileStorage } from './storage/local-file-storage';

/**
 * The shared case file: attachments of a dispute, by complaint id. The FileStreamInterceptor on the upload
 * route makes the FastifyAdapter register @fastify/multipart at start-up (its default `multipart` mode); the
 * JSON body limit of every other route is unchanged.
 */
@Module({
  imports: [ComplaintsModule],
  controllers: [EvidenceController],
  providers: [
    EvidenceService,
    EvidenceRepository,
    {
      provide: FILE_STORAGE_DIR,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => config.fileStorage.dir,
    },
    {
      provide: FILE_STORAGE,
      useFactory: (dir: string) => new LocalDirectoryFileStorage(dir),
      inject: [FILE_STORAGE_DIR],
    },
  ],
  exports: [EvidenceService],
})
export class EvidenceModule {}
